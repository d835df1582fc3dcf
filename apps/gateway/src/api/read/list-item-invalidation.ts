import { kindOfStream, streamCategory, type ResourceKind } from '@monitor/domain';

/** Which cached list items an applied event makes stale. */
export type Stale =
  { items: { kind: ResourceKind; id: string }[]; kinds: ResourceKind[] } | 'everything';

const NOTHING: Stale = { items: [], kinds: [] };

/**
 * The kinds whose list info reads another resource of this kind: a Server's name shows in
 * Deployments, Stacks and Repos (found by id or name), a Repo's name and source in the Builds and
 * Syncs linked to it. Such changes are rare (config writes), so the whole kind is dropped.
 */
const READ_BY: Partial<Record<ResourceKind, ResourceKind[]>> = {
  Server: ['Deployment', 'Stack', 'Repo'],
  Repo: ['Build', 'ResourceSync'],
};

/** Polled status streams `<category>-<id>`, each read by one kind's info of the same id. */
const STATUS_OF: Record<string, ResourceKind> = {
  serverstatus: 'Server',
  deploymentstatus: 'Deployment',
  stackstatus: 'Stack',
};

/**
 * Streams no list info reads: executions (`update`) are left to the Update each one records,
 * which names its target (see ListItems); names' reservations, procedure runs' and launches'
 * records, schedule and poll claims, webhook subscriptions and their deliveries, tags, users,
 * alerts and settings.
 */
const UNREAD = new Set([
  'update',
  'name',
  'procedurerun',
  'procedurestartup',
  'scheduleclaims',
  'serverlaunch',
  'syncpoll',
  'eventsubscription',
  'webhookdelivery',
  'eventsubscriptionhealth',
  'tag',
  'user',
  'usergroup',
  'alert',
  'variable',
  'gitaccount',
  'registryaccount',
  'cloudaccount',
]);

/** Alerters' deliveries and health: every Alerter's info may change (there are few). */
const ALERTER_STREAMS = new Set(['delivery', 'alerterhealth']);

/**
 * What an event makes stale. A stream this does not know drops everything: a new input is
 * answered fresh until it is listed here.
 */
export function staleAfter(stream: string): Stale {
  const kind = kindOfStream(stream);
  const id = stream.slice(stream.indexOf('-') + 1);
  if (kind) return { items: [{ kind, id }], kinds: READ_BY[kind] ?? [] };
  const category = streamCategory(stream);
  const polled = STATUS_OF[category];
  if (polled) return { items: [{ kind: polled, id }], kinds: [] };
  if (ALERTER_STREAMS.has(category)) return { items: [], kinds: ['Alerter'] };
  if (UNREAD.has(category)) return NOTHING;
  return 'everything';
}
