import type { ResourceKind } from '@monitor/contracts';
import {
  ALERTER_ENDPOINT_PARAM_HELP,
  ALERTER_HELP,
  SERVER_TEMPLATE_HELP,
  SERVER_TEMPLATE_PARAM_HELP,
} from './help/alerter-template';
import { DEPLOYMENT_HELP } from './help/deployment';
import { ACTION_HELP, PROCEDURE_HELP, RESOURCE_SYNC_HELP } from './help/procedure-sync';
import { BUILD_HELP, BUILDER_HELP, BUILDER_PARAM_HELP, REPO_HELP } from './help/repo-build';
import { SERVER_HELP } from './help/server';
import { STACK_HELP } from './help/stack';

/*
 * What a config field means, after Komodo's reference, shown under the field: one short
 * sentence per top-level field of every kind. A field without a line here shows its name only.
 */

export const FIELD_HELP: Record<ResourceKind, Record<string, string | undefined>> = {
  Server: SERVER_HELP,
  Deployment: DEPLOYMENT_HELP,
  Stack: STACK_HELP,
  Repo: REPO_HELP,
  Build: BUILD_HELP,
  Builder: BUILDER_HELP,
  Procedure: PROCEDURE_HELP,
  Action: ACTION_HELP,
  ResourceSync: RESOURCE_SYNC_HELP,
  Alerter: ALERTER_HELP,
  ServerTemplate: SERVER_TEMPLATE_HELP,
};

/** For kinds whose config is a union `{ type, params }`: what each param means. */
export const PARAM_HELP: Partial<Record<ResourceKind, Record<string, string | undefined>>> = {
  Builder: BUILDER_PARAM_HELP,
  ServerTemplate: SERVER_TEMPLATE_PARAM_HELP,
};

/** For fields holding a union `{ type, params }` (an Alerter's endpoint): what each param means. */
export const FIELD_PARAM_HELP: Record<string, Record<string, string> | undefined> = {
  endpoint: ALERTER_ENDPOINT_PARAM_HELP,
};

export function fieldHelp(kind: ResourceKind, field: string): string | undefined {
  return FIELD_HELP[kind]?.[field];
}
