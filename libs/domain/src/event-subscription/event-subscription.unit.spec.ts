import { deciderSpec } from '@monitor/testing';
import {
  eventSubscriptionDecider,
  eventSubscriptionView,
  type EventSubscription,
} from './event-subscription';

const spec = deciderSpec(eventSubscriptionDecider);
const SEALED = { $sealed: 1, kid: 'k', dkid: 'd', dk: 'x', iv: 'i', tag: 't', ct: 'c' } as never;
const subscription: EventSubscription = {
  id: 'sub1',
  name: 'ci',
  url: 'https://hooks.example.com/monitor',
  filter: { kinds: ['Deployment'] },
  secret: SEALED,
  enabled: true,
  owner: 'u1',
};
const created = { type: 'EventSubscriptionCreated', data: subscription };

describe('event subscription', () => {
  it('is created with its sealed secret, its filter checked', () => {
    spec
      .given([])
      .when({
        type: 'Create',
        subscription: { ...subscription, filter: { kinds: ['Deployment'], tags: [] } },
      })
      .then([created]);
  });

  it.each([
    ['url', { url: 'ftp://example.com/x' }, /^url: .*not an http or https url/],
    ['url', { url: 'not a url' }, /^url: /],
    ['url', { url: '' }, /^url: /],
    ['name', { name: '' }, /^name: /],
    ['secret', { secret: '' }, /^secret: /],
    ['filter.kinds', { filter: { kinds: ['Pod'] } }, /^filter\.kinds: 'Pod' is not one of/],
    ['filter.colour', { filter: { colour: ['red'] } }, /^filter\.colour: not a filter field/],
    ['filter.types', { filter: { types: 'AlertOpened' } }, /^filter\.types: must be a list/],
  ])('refuses a create with a bad %s, naming it', (field, bad, message) => {
    spec
      .given([])
      .when({ type: 'Create', subscription: { ...subscription, ...(bad as object) } })
      .thenFails('VALIDATION', message);
    let details: unknown;
    try {
      eventSubscriptionDecider.decide(
        { status: 'Empty' },
        { type: 'Create', subscription: { ...subscription, ...(bad as object) } },
      );
    } catch (error) {
      details = (error as { details?: unknown }).details;
    }
    if (field !== 'secret' || details) expect(details).toEqual({ field });
  });

  it('records only what an update changes; a secret given is always replaced', () => {
    spec
      .given([created])
      .when({ type: 'Update', changes: { url: subscription.url, enabled: false } })
      .then([{ type: 'EventSubscriptionUpdated', data: { enabled: false } }]);
    spec
      .given([created])
      .when({ type: 'Update', changes: { secret: SEALED } })
      .then([{ type: 'EventSubscriptionUpdated', data: { secret: SEALED } }]);
    spec
      .given([created])
      .when({ type: 'Update', changes: { name: 'ci' } })
      .then([]);
  });

  it('refuses a bad url on update, and anything once deleted', () => {
    spec
      .given([created])
      .when({ type: 'Update', changes: { url: 'javascript:alert(1)' } })
      .thenFails('VALIDATION', /^url: /);
    const deleted = { type: 'EventSubscriptionDeleted', data: { name: 'ci' } };
    spec.given([created]).when({ type: 'Delete' }).then([deleted]);
    spec.given([created, deleted]).when({ type: 'Delete' }).thenFails('NOT_FOUND');
    spec.given([]).when({ type: 'Update', changes: {} }).thenFails('NOT_FOUND');
  });

  it('is viewed without its secret, only that one is set', () => {
    const view = eventSubscriptionView(subscription);
    expect(view).toEqual({ ...subscription, secret: undefined, secret_set: true });
    expect('secret' in view).toBe(false);
  });
});
