import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  UseFilters,
} from '@nestjs/common';
import { gitSource, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { isBuilding } from '../api/builds/build-shown';
import { ExecutionForwarder } from '../api/execution-forwarder';
import { ApiError } from '../api/api-error';
import { HttpErrorFilter } from '../api/http-error.filter';
import type { WithRawBody } from './raw-body';
import { WebhookGate } from './webhook-gate';
import { admitWebhook, type WebhookRequest, type WebhookRoute } from './webhook-target';

type Hook = Omit<WebhookRequest, 'headers' | 'req' | 'payload'>;
type BranchHook = Omit<Hook, 'action'> & { branch: string };
type RequestHeaders = WebhookRequest['headers'];
type RunKind = 'Procedure' | 'Action';

const REPO_OPERATIONS = { clone: 'CloneRepo', pull: 'PullRepo', build: 'BuildRepo' } as const;
const SYNC_OPERATIONS = { refresh: 'RefreshResourceSyncPending', sync: 'RunSync' } as const;
const RUNS = {
  Procedure: { execution: 'RunProcedure', param: 'procedure' },
  Action: { execution: 'RunAction', param: 'action' },
} as const;

/** Komodo's branch in a procedure's or action's webhook URL that every push matches. */
const ANY_BRANCH = '__ANY__';

/** A procedure's or action's URL names the branch its pushes must be to (or ANY_BRANCH). */
const branchRoute = <K extends RunKind>(kind: K, path: string): WebhookRoute<K, 'run'> => ({
  kind,
  actions: ['run'],
  usage: `/listener/<github|gitlab>/${path}/<${path}>/<branch|__ANY__>`,
  follows: (_, request) => (request.branch === ANY_BRANCH ? undefined : request.branch),
});

/**
 * Komodo's git webhooks, `POST /listener/<github|gitlab>/<kind>/<id or name>[/<action>]`, each
 * through the WebhookGate (signature or token, branch, each delivery once); an accepted one is
 * an execution by the user "webhook".
 */
@Controller('listener')
@UseFilters(HttpErrorFilter)
export class WebhookController {
  private readonly stackRoute: WebhookRoute<'Stack', 'refresh' | 'deploy'>;
  private readonly repoRoute: WebhookRoute<'Repo', keyof typeof REPO_OPERATIONS>;
  private readonly buildRoute: WebhookRoute<'Build', 'build'>;
  private readonly syncRoute: WebhookRoute<'ResourceSync', keyof typeof SYNC_OPERATIONS>;
  private readonly procedureRoute = branchRoute('Procedure', 'procedure');
  private readonly actionRoute = branchRoute('Action', 'action');

  constructor(
    private readonly executions: ExecutionForwarder,
    private readonly gate: WebhookGate,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {
    const repo = (id: string) => readModel.resource('Repo', id);
    this.stackRoute = {
      kind: 'Stack',
      actions: ['refresh', 'deploy'],
      usage: '/listener/<github|gitlab>/stack/<stack>/<refresh|deploy>',
      follows: (stack) => gitSource(stack, repo).branch,
    };
    this.repoRoute = {
      kind: 'Repo',
      actions: ['clone', 'pull', 'build'],
      usage: '/listener/<github|gitlab>/repo/<repo>/<clone|pull|build>',
      follows: (target) => target.config.branch,
    };
    this.buildRoute = {
      kind: 'Build',
      actions: ['build'],
      usage: '/listener/<github|gitlab>/build/<build>',
      follows: (build) => this.branchOf(build),
    };
    this.syncRoute = {
      kind: 'ResourceSync',
      actions: ['refresh', 'sync'],
      usage: '/listener/<github|gitlab>/sync/<sync>/<refresh|sync>',
      follows: (sync) => this.branchOf(sync),
    };
  }

  /** `refresh`: RefreshStackCache; `deploy`: DeployStackIfChanged, or DeployStack when forced. */
  @Post(':provider/stack/:target/:action')
  @HttpCode(202)
  async stack(
    @Param() hook: Hook,
    @Headers() headers: RequestHeaders,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    const admitted = admitWebhook(this.gate, this.readModel, this.stackRoute, {
      ...hook,
      headers,
      req,
      payload,
    });
    if ('ignored' in admitted) return admitted.ignored;
    const { resource: stack, action, meta } = admitted;
    const operation =
      action === 'refresh'
        ? 'RefreshStackCache'
        : stack.config.webhook_force_deploy
          ? 'DeployStack'
          : 'DeployStackIfChanged';
    return this.executions.run('Stack', operation, { stack: stack.id }, meta);
  }

  @Post(':provider/repo/:target/:action')
  @HttpCode(202)
  async repo(
    @Param() hook: Hook,
    @Headers() headers: RequestHeaders,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    const admitted = admitWebhook(this.gate, this.readModel, this.repoRoute, {
      ...hook,
      headers,
      req,
      payload,
    });
    if ('ignored' in admitted) return admitted.ignored;
    const { resource, action, meta } = admitted;
    return this.executions.run('Repo', REPO_OPERATIONS[action], { repo: resource.id }, meta);
  }

  /** A build already running is cancelled first, as Komodo does, so the newest push is built. */
  @Post(':provider/build/:target')
  @HttpCode(202)
  async build(
    @Param() hook: Omit<Hook, 'action'>,
    @Headers() headers: RequestHeaders,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    const admitted = admitWebhook(this.gate, this.readModel, this.buildRoute, {
      ...hook,
      action: 'build',
      headers,
      req,
      payload,
    });
    if ('ignored' in admitted) return admitted.ignored;
    const { resource: build, meta } = admitted;
    if (isBuilding(this.readModel, build.id)) {
      await this.executions.run('Build', 'CancelBuild', { build: build.id }, meta);
    }
    return this.executions.run('Build', 'RunBuild', { build: build.id }, meta);
  }

  /**
   * `refresh`: RefreshResourceSyncPending; `sync`: RunSync, which the sync service holds (and
   * alerts of) rather than run when its plan needs `confirm_deletes`. Both as the sync's last
   * writer, with that user's rights, as RunSync checks each change against whoever runs it.
   */
  @Post(':provider/sync/:target/:action')
  @HttpCode(202)
  async sync(
    @Param() hook: Hook,
    @Headers() headers: RequestHeaders,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    const admitted = admitWebhook(this.gate, this.readModel, this.syncRoute, {
      ...hook,
      headers,
      req,
      payload,
    });
    if ('ignored' in admitted) return admitted.ignored;
    const { resource: sync, action, meta } = admitted;
    return this.executions.run(
      'ResourceSync',
      SYNC_OPERATIONS[action],
      { sync: sync.id },
      { ...meta, userId: writerOf(sync) },
    );
  }

  @Post(':provider/procedure/:target/:branch')
  @HttpCode(202)
  procedure(
    @Param() hook: BranchHook,
    @Headers() headers: RequestHeaders,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    return this.runAsWriter(this.procedureRoute, { ...hook, action: 'run', headers, req, payload });
  }

  @Post(':provider/action/:target/:branch')
  @HttpCode(202)
  action(
    @Param() hook: BranchHook,
    @Headers() headers: RequestHeaders,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    return this.runAsWriter(this.actionRoute, { ...hook, action: 'run', headers, req, payload });
  }

  /**
   * RunProcedure or RunAction as the user who last wrote the resource, as a schedule runs it,
   * with that user's rights (Komodo runs these as an admin, which would let a push do anything).
   */
  private async runAsWriter<K extends RunKind>(
    route: WebhookRoute<K, 'run'>,
    request: WebhookRequest,
  ) {
    const admitted = admitWebhook(this.gate, this.readModel, route, request);
    if ('ignored' in admitted) return admitted.ignored;
    const { resource, meta } = admitted;
    const { execution, param } = RUNS[route.kind];
    return this.executions.run(
      route.kind,
      execution,
      { [param]: resource.id },
      { ...meta, userId: writerOf(resource) },
    );
  }

  /** The branch a build's or sync's pushes must be to: its linked Repo's when it has one. */
  private branchOf(resource: Resource<'Build' | 'ResourceSync'>): string {
    const linked = resource.config.linked_repo;
    const repo = linked ? this.readModel.resourceById('Repo', linked) : undefined;
    return repo ? repo.config.branch : resource.config.branch;
  }
}

/** The user a webhook acts as: whoever last wrote the resource's config (never an admin). */
function writerOf(resource: Resource): string {
  if (!resource.configWriter) {
    throw new ApiError(
      409,
      `${resource.kind} '${resource.name}' has no last writer to run it as: save it once`,
      'CONFLICT',
    );
  }
  return resource.configWriter;
}
