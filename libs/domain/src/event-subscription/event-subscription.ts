import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { checkName } from '../shared/names';
import type { StoredValue } from '../variables/variable';
import { checkEventFilter, type EventFilter } from './event-filter';

/*
 * Outgoing webhook subscriptions: the events of the resources a filter takes are POSTed to a
 * url, signed with a secret. The secret is sealed before it reaches the domain, written and
 * replaced but never answered (a view says only that one is set). Admins manage them; each is
 * delivered as its owner (its creator) may see it.
 */

export const eventSubscriptionStream = (id: string) => `eventsubscription-${id}`;

/**
 * The subscription's record of its delivery health changes, as an alerter's (the same
 * `AlerterHealthChanged` events): its own category, not `eventsubscription-`.
 */
export const eventSubscriptionHealthStream = (id: string) => `eventsubscriptionhealth-${id}`;

export interface EventSubscription {
  id: string;
  name: string;
  url: string;
  filter: EventFilter;
  /** Sealed. */
  secret: StoredValue;
  enabled: boolean;
  /** The user who created it: events are delivered only as they may see them. */
  owner: string;
}

/** What an answer shows: never the secret, only that one is set. */
export interface EventSubscriptionView extends Omit<EventSubscription, 'secret'> {
  secret_set: boolean;
}

export type EventSubscriptionChanges = Partial<
  Pick<EventSubscription, 'name' | 'url' | 'filter' | 'secret' | 'enabled'>
>;

export type EventSubscriptionState =
  { status: 'Empty' } | { status: 'Active' | 'Deleted'; subscription: EventSubscription };

export type EventSubscriptionEvent =
  | DomainEvent<'EventSubscriptionCreated', EventSubscription>
  /** Only the fields changed; `secret` sealed. */
  | DomainEvent<'EventSubscriptionUpdated', EventSubscriptionChanges>
  | DomainEvent<'EventSubscriptionDeleted', { name: string }>;

export type EventSubscriptionCommand =
  | { type: 'Create'; subscription: EventSubscription }
  | { type: 'Update'; changes: EventSubscriptionChanges }
  | { type: 'Delete' };

/** An http(s) url with a host: where the core will POST. */
export function webhookUrlProblem(url: unknown): string | undefined {
  if (typeof url !== 'string' || !url) return 'must be an http or https url';
  if (url.length > 2048) return 'at most 2048 characters';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `'${url}' is not a url`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `'${url}' is not an http or https url`;
  if (!parsed.hostname) return `'${url}' names no host`;
  return undefined;
}

export function eventSubscriptionView(subscription: EventSubscription): EventSubscriptionView {
  const { secret, ...rest } = subscription;
  return { ...rest, secret_set: secret !== undefined && secret !== '' };
}

export function evolveEventSubscription(
  state: EventSubscriptionState,
  event: DomainEvent,
): EventSubscriptionState {
  const e = event as EventSubscriptionEvent;
  if (e.type === 'EventSubscriptionCreated')
    return { status: 'Active', subscription: { ...e.data } };
  if (state.status !== 'Active') return state;
  if (e.type === 'EventSubscriptionUpdated')
    return { status: 'Active', subscription: { ...state.subscription, ...e.data } };
  if (e.type === 'EventSubscriptionDeleted')
    return { status: 'Deleted', subscription: state.subscription };
  return state;
}

export function decideEventSubscription(
  state: EventSubscriptionState,
  command: EventSubscriptionCommand,
): EventSubscriptionEvent[] {
  if (command.type === 'Create') {
    if (state.status !== 'Empty')
      throw conflict(`event subscription ${command.subscription.id} already exists`);
    const subscription = { ...command.subscription, ...checkChanges(command.subscription) };
    if (!subscription.owner) throw invalid('owner: must name the creating user');
    if (subscription.secret === undefined || subscription.secret === '')
      throw invalid('secret: must not be empty (it signs every delivery)', { field: 'secret' });
    return [{ type: 'EventSubscriptionCreated', data: subscription }];
  }
  if (state.status !== 'Active') throw notFound('event subscription not found');
  if (command.type === 'Delete')
    return [{ type: 'EventSubscriptionDeleted', data: { name: state.subscription.name } }];
  const checked = checkChanges(command.changes);
  const changed = Object.fromEntries(
    Object.entries(checked).filter(
      ([key, value]) =>
        key === 'secret' ||
        JSON.stringify(value) !==
          JSON.stringify(state.subscription[key as keyof EventSubscription]),
    ),
  ) as EventSubscriptionChanges;
  return Object.keys(changed).length ? [{ type: 'EventSubscriptionUpdated', data: changed }] : [];
}

/** The fields given, checked: 400 naming the field. */
function checkChanges(changes: EventSubscriptionChanges): EventSubscriptionChanges {
  const checked: EventSubscriptionChanges = {};
  if (changes.name !== undefined) checked.name = checkName(changes.name);
  if (changes.url !== undefined) {
    const problem = webhookUrlProblem(changes.url);
    if (problem) throw invalid(`url: ${problem}`, { field: 'url' });
    checked.url = changes.url;
  }
  if (changes.filter !== undefined) checked.filter = checkEventFilter(changes.filter);
  if (changes.enabled !== undefined) {
    if (typeof changes.enabled !== 'boolean')
      throw invalid('enabled: must be true or false', { field: 'enabled' });
    checked.enabled = changes.enabled;
  }
  if (changes.secret !== undefined) checked.secret = changes.secret;
  return checked;
}

export const eventSubscriptionDecider = {
  initialState: (): EventSubscriptionState => ({ status: 'Empty' }),
  evolve: evolveEventSubscription,
  decide: decideEventSubscription,
};
