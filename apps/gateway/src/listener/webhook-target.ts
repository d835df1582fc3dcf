import type { ConfigOf, Resource, ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { ApiError } from '../api/api-error';
import type { WithRawBody } from './raw-body';
import { PROVIDERS, type Ignored, type WebhookGate } from './webhook-gate';

/** The kinds git webhooks act on: those whose config has a webhook switch and secret. */
export type WebhookKind = {
  [K in ResourceKind]: ConfigOf<K> extends { webhook_enabled: boolean; webhook_secret: string }
    ? K
    : never;
}[ResourceKind];

/** What a `/listener/<provider>/<kind>/<target>[/<action>]` request brings. */
export interface WebhookRequest {
  provider: string;
  target: string;
  action: string;
  /** The branch the URL names, for kinds whose URL ends in one (procedure, action). */
  branch?: string;
  headers: Record<string, string | string[] | undefined>;
  req: WithRawBody;
  payload: unknown;
}

/** How a kind's webhooks are addressed: the actions its URLs end in and the branch it follows. */
export interface WebhookRoute<K extends WebhookKind, A extends string> {
  kind: K;
  actions: readonly A[];
  /** The URL's shape, said in a 404: `/listener/<github|gitlab>/repo/<repo>/<clone|pull>`. */
  usage: string;
  /** Undefined: pushes to every branch act. */
  follows: (resource: Resource<K>, request: WebhookRequest) => string | undefined;
}

export type Admitted<K extends WebhookKind, A extends string> =
  { ignored: Ignored } | { resource: Resource<K>; action: A; meta: CommandMeta };

/**
 * The resource a webhook URL names, once its provider, action and delivery have passed the
 * gate: what every kind's listener does before it runs its execution as the user "webhook".
 */
export function admitWebhook<K extends WebhookKind, A extends string>(
  gate: WebhookGate,
  readModel: ReadModel,
  route: WebhookRoute<K, A>,
  request: WebhookRequest,
): Admitted<K, A> {
  const provider = PROVIDERS.find((p) => p === request.provider);
  const action = route.actions.find((a) => a === request.action);
  if (!provider || !action) {
    throw new ApiError(404, `no webhook at ${request.req.url}: use ${route.usage}`, 'NOT_FOUND');
  }
  const resource = readModel.resource(route.kind, request.target);
  if (!resource) {
    throw new ApiError(404, `no ${route.kind} has the name or id '${request.target}'`, 'NOT_FOUND');
  }
  const ignored = gate.admit(resource, {
    provider,
    action,
    headers: request.headers,
    rawBody: request.req.rawBody,
    payload: request.payload,
    follows: route.follows(resource, request),
  });
  if (ignored) return { ignored };
  return { resource, action, meta: { userId: 'webhook', via: 'webhook', correlationId: newId() } };
}
