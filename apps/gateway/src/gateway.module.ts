import { Module } from '@nestjs/common';
import { HistoryReads } from './api/read/history.read';
import { ResourceReads } from './api/read/resources.read';
import { TagReads } from './api/read/tags.read';
import { UpdateReads } from './api/read/updates.read';
import { VersionRead } from './api/read/version.read';
import { RequestRegistry } from './api/request-registry';
import { ActingController } from './api/acting.controller';
import { RequestDispatcher } from './api/request-dispatcher';
import { RpcController } from './api/rpc.controller';
import { ExportRequests } from './api/syncs/export.requests';
import { SyncRequests } from './api/syncs/sync.requests';
import { CommandForwarder } from './api/write/command-forwarder';
import { ResourceWrites } from './api/write/resources.write';
import { WriteRights } from './api/write/write-rights';
import { ProcedureCheck } from './api/procedures/procedure-check';
import { TagWrites } from './api/write/tags.write';
import { AccessCheck } from './api/access-check';
import { AlertReads } from './api/read/alerts.read';
import { ScheduleReads } from './api/schedules/schedule.reads';
import { ServerRequests } from './api/servers/server.requests';
import { LaunchServerRequests } from './api/server-templates/launch-server.requests';
import { DeploymentRequests } from './api/deployments/deployment.requests';
import { ExecutionForwarder } from './api/execution-forwarder';
import { KindRequests } from './api/kind-requests';
import { SummaryReads } from './api/read/summaries.read';
import { StackRequests } from './api/stacks/stack.requests';
import { RepoRequests } from './api/repos/repo.requests';
import { BuildRequests } from './api/builds/build.requests';
import { ProcedureRequests } from './api/procedures/procedure.requests';
import { ActionRequests } from './api/actions/action.requests';
import { AlerterRequests } from './api/alerters/alerter.requests';
import { EventSubscriptionRequests } from './api/event-subscriptions/event-subscription.requests';
import { UserGroupRequests } from './api/admin/user-groups.requests';
import { TargetPermissionRequests } from './api/admin/target-permissions.requests';
import { UserRequests } from './api/admin/users.requests';
import { LocalUserRequests } from './api/admin/local-users.requests';
import { AlertWrites } from './api/write/alerts.write';
import { CoreInfoRead } from './api/read/core-info.read';
import { DockerListRequests } from './api/servers/docker-lists.requests';
import { StackCacheWrite } from './api/stacks/stack-cache.write';
import { AuthController } from './auth/auth.controller';
import { Authenticator } from './auth/authenticator';
import { IdentityCommands } from './auth/identity-commands';
import { EventsController } from './live/events.controller';
import { AccountRequests } from './settings/accounts.requests';
import { CloudAccountRequests } from './settings/cloud-accounts.requests';
import { ProviderRequests } from './settings/providers.requests';
import { SettingsCommands } from './settings/settings-commands';
import { VariableRequests } from './settings/variables.requests';
import { VariablePermissionRequests } from './settings/variable-permissions.requests';
import { WebhookController } from './listener/webhook.controller';
import { WebhookGate } from './listener/webhook-gate';
import { GraphqlWsServer } from './graphql/subscriptions/graphql-ws-server';
import { FeedHub } from './live/feed/feed-hub';
import { UpdateFeed } from './live/update-feed';
import { MonitorGraphqlModule } from './graphql/graphql.module';
import { WebSocketRoutes } from './live/websocket-routes';

/**
 * The gateway: the only public entry. Reads come from its own read model; writes go over the
 * bus to the service that owns the kind. Needs RuntimeModule and BusModule from its host.
 */
@Module({
  imports: [MonitorGraphqlModule],
  controllers: [
    AuthController,
    EventsController,
    RpcController,
    WebhookController,
    ActingController,
  ],
  providers: [
    Authenticator,
    IdentityCommands,
    AccessCheck,
    RequestDispatcher,
    ServerRequests,
    LaunchServerRequests,
    ExecutionForwarder,
    KindRequests,
    DeploymentRequests,
    StackRequests,
    RepoRequests,
    BuildRequests,
    SyncRequests,
    ExportRequests,
    ProcedureRequests,
    ActionRequests,
    AlerterRequests,
    EventSubscriptionRequests,
    WebhookGate,
    AlertReads,
    ScheduleReads,
    UserRequests,
    LocalUserRequests,
    AlertWrites,
    CoreInfoRead,
    DockerListRequests,
    StackCacheWrite,
    TargetPermissionRequests,
    UserGroupRequests,
    SettingsCommands,
    VariableRequests,
    VariablePermissionRequests,
    AccountRequests,
    CloudAccountRequests,
    ProviderRequests,
    RequestRegistry,
    CommandForwarder,
    ResourceReads,
    SummaryReads,
    ResourceWrites,
    WriteRights,
    ProcedureCheck,
    TagReads,
    TagWrites,
    UpdateReads,
    HistoryReads,
    VersionRead,
    UpdateFeed,
    FeedHub,
    WebSocketRoutes,
    GraphqlWsServer,
  ],
  exports: [RequestRegistry],
})
export class GatewayModule {}
