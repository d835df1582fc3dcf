import type { Types } from 'komodo_client';
import type { AlertDeliveryState } from '../requests/alerter.dto';
import type { Answered } from './entry';
import { kindRequests, type KomodoKind } from './kind-requests';

/*
 * The requests every kind shares, per kind, under Komodo's names for them. Each kind's own
 * requests (executions, logs, ...) are in the kind's file.
 */

/** ServerTemplate left Komodo in 2.0; Monitor keeps Komodo 1.x's shapes for it. */
export type ServerTemplate = Answered<Types.Resource<Record<string, unknown>, undefined>>;
export interface ServerTemplateAnswers {
  resource: ServerTemplate;
  list: Types.ResourceListItem<{ provider: string; instance_type?: string }>[];
  summary: { total: number };
  rename: Types.Update;
}

/** A server as `ListServers` answers it: Komodo's, with why the last poll found it NotOk. */
export type ServerListItem = Types.ResourceListItem<
  Types.ServerListItemInfo & {
    /** Why the server is NotOk (empty when Ok): Monitor's, beside Komodo's `err`. */
    reason: string;
  }
>;
export type ServerAnswers = Omit<KomodoKind, 'list'> & { list: ServerListItem[] };

export const SERVER = kindRequests<ServerAnswers>()('Server', 'deployer', {
  get: 'GetServer',
  list: 'ListServers',
  listFull: 'ListFullServers',
  summary: 'GetServersSummary',
  create: 'CreateServer',
  copy: 'CopyServer',
  update: 'UpdateServer',
  rename: 'RenameServer',
  delete: 'DeleteServer',
});

export const DEPLOYMENT = kindRequests()('Deployment', 'deployer', {
  get: 'GetDeployment',
  list: 'ListDeployments',
  listFull: 'ListFullDeployments',
  summary: 'GetDeploymentsSummary',
  create: 'CreateDeployment',
  copy: 'CopyDeployment',
  update: 'UpdateDeployment',
  rename: 'RenameDeployment',
  delete: 'DeleteDeployment',
});

export const STACK = kindRequests()('Stack', 'deployer', {
  get: 'GetStack',
  list: 'ListStacks',
  listFull: 'ListFullStacks',
  summary: 'GetStacksSummary',
  create: 'CreateStack',
  copy: 'CopyStack',
  update: 'UpdateStack',
  rename: 'RenameStack',
  delete: 'DeleteStack',
});

export const SERVER_TEMPLATE = kindRequests<ServerTemplateAnswers>()('ServerTemplate', 'deployer', {
  get: 'GetServerTemplate',
  list: 'ListServerTemplates',
  listFull: 'ListFullServerTemplates',
  summary: 'GetServerTemplatesSummary',
  create: 'CreateServerTemplate',
  copy: 'CopyServerTemplate',
  update: 'UpdateServerTemplate',
  rename: 'RenameServerTemplate',
  delete: 'DeleteServerTemplate',
});

export const BUILD = kindRequests()('Build', 'builder', {
  get: 'GetBuild',
  list: 'ListBuilds',
  listFull: 'ListFullBuilds',
  summary: 'GetBuildsSummary',
  create: 'CreateBuild',
  copy: 'CopyBuild',
  update: 'UpdateBuild',
  rename: 'RenameBuild',
  delete: 'DeleteBuild',
});

export const BUILDER = kindRequests()('Builder', 'builder', {
  get: 'GetBuilder',
  list: 'ListBuilders',
  listFull: 'ListFullBuilders',
  summary: 'GetBuildersSummary',
  create: 'CreateBuilder',
  copy: 'CopyBuilder',
  update: 'UpdateBuilder',
  rename: 'RenameBuilder',
  delete: 'DeleteBuilder',
});

export const REPO = kindRequests()('Repo', 'builder', {
  get: 'GetRepo',
  list: 'ListRepos',
  listFull: 'ListFullRepos',
  summary: 'GetReposSummary',
  create: 'CreateRepo',
  copy: 'CopyRepo',
  update: 'UpdateRepo',
  rename: 'RenameRepo',
  delete: 'DeleteRepo',
});

export const PROCEDURE = kindRequests()('Procedure', 'procedures', {
  get: 'GetProcedure',
  list: 'ListProcedures',
  listFull: 'ListFullProcedures',
  summary: 'GetProceduresSummary',
  create: 'CreateProcedure',
  copy: 'CopyProcedure',
  update: 'UpdateProcedure',
  rename: 'RenameProcedure',
  delete: 'DeleteProcedure',
});

export const ACTION = kindRequests()('Action', 'procedures', {
  get: 'GetAction',
  list: 'ListActions',
  listFull: 'ListFullActions',
  summary: 'GetActionsSummary',
  create: 'CreateAction',
  copy: 'CopyAction',
  update: 'UpdateAction',
  rename: 'RenameAction',
  delete: 'DeleteAction',
});

export const RESOURCE_SYNC = kindRequests()('ResourceSync', 'sync', {
  get: 'GetResourceSync',
  list: 'ListResourceSyncs',
  listFull: 'ListFullResourceSyncs',
  summary: 'GetResourceSyncsSummary',
  create: 'CreateResourceSync',
  copy: 'CopyResourceSync',
  update: 'UpdateResourceSync',
  rename: 'RenameResourceSync',
  delete: 'DeleteResourceSync',
});

/**
 * Komodo's list info (with Monitor's Telegram and Email endpoint types) and Monitor's delivery
 * health and newest delivery; Komodo's summary total and Monitor's counts by health.
 */
export type AlerterAnswers = Omit<KomodoKind, 'list' | 'summary'> & {
  list: Types.ResourceListItem<
    Omit<Types.AlerterListItemInfo, 'endpoint_type'> & {
      endpoint_type: Types.AlerterEndpoint['type'] | 'Telegram' | 'Email';
      health: 'Ok' | 'Failing';
      last_delivery?: { state: AlertDeliveryState; ts: number };
    }
  >[];
  summary: Types.GetAlertersSummaryResponse & { ok: number; failing: number };
};

export const ALERTER = kindRequests<AlerterAnswers>()('Alerter', 'alerter', {
  get: 'GetAlerter',
  list: 'ListAlerters',
  listFull: 'ListFullAlerters',
  summary: 'GetAlertersSummary',
  create: 'CreateAlerter',
  copy: 'CopyAlerter',
  update: 'UpdateAlerter',
  rename: 'RenameAlerter',
  delete: 'DeleteAlerter',
});

/** Each kind's shared requests, for code that handles every kind alike. */
export const KIND_REQUESTS = {
  Server: SERVER,
  Deployment: DEPLOYMENT,
  Stack: STACK,
  ServerTemplate: SERVER_TEMPLATE,
  Build: BUILD,
  Builder: BUILDER,
  Repo: REPO,
  Procedure: PROCEDURE,
  Action: ACTION,
  ResourceSync: RESOURCE_SYNC,
  Alerter: ALERTER,
} as const;
