import { deliveryDecider } from './delivery';
import { abandonedAttempt } from './abandoned-attempt';
import { mayAttempt } from './delivery-order';
import type { DeliveryState } from './delivery-state';

const subject = {
  alert_event_key: 'a1:0',
  alerter_id: 'al1',
  alert_type: 'ServerUnreachable',
  level: 'CRITICAL',
  target: { type: 'Server', id: 's1' },
};
const decided = (verdict: object) => ({
  type: 'DeliveryDecided',
  data: { ...subject, ...verdict, at: 1 },
});
const claimed = { type: 'DeliveryAttemptClaimed', data: { attempt: 1, at: 2, by: 'r1' } };
const of = (...events: { type: string; data: unknown }[]): DeliveryState =>
  events.reduce(deliveryDecider.evolve, deliveryDecider.initialState());

const send = decided({ verdict: 'send' });
const states = {
  undecided: of(),
  pending: of(send),
  held: of(decided({ verdict: 'hold', until: 10 })),
  inFlight: of(send, claimed),
  delivered: of(send, claimed, {
    type: 'DeliveryDelivered',
    data: { attempt: 1, at: 3, status: 200 },
  }),
  skipped: of(decided({ verdict: 'skip', reason: 'disabled' })),
  givenUp: of(send, claimed, { type: 'DeliveryGivenUp', data: { at: 3, reason: '401' } }),
};

describe('in order per alert and alerter', () => {
  it.each([
    ['undecided', false],
    ['pending', false],
    ['held', false],
    ['inFlight', false],
    ['delivered', true],
    ['skipped', true],
    ['givenUp', true],
  ] as const)('a resolve after an open that is %s goes: %p', (earlier, goes) => {
    expect(mayAttempt(states.pending, [states[earlier]])).toBe(goes);
  });

  it('waits for every earlier event, and goes with none', () => {
    expect(mayAttempt(states.pending, [])).toBe(true);
    expect(mayAttempt(states.pending, [states.delivered, states.inFlight])).toBe(false);
    expect(mayAttempt(states.pending, [states.skipped, states.givenUp])).toBe(true);
  });

  it('only a pending delivery is attempted', () => {
    for (const own of ['undecided', 'held', 'inFlight', 'delivered', 'skipped'] as const) {
      expect(mayAttempt(states[own], [])).toBe(false);
    }
  });
});

describe('an attempt left in flight', () => {
  it('is abandoned once its lease has run out', () => {
    expect(abandonedAttempt(states.inFlight, 2 + 29_999, 30_000)).toBeUndefined();
    expect(abandonedAttempt(states.inFlight, 2 + 30_000, 30_000)).toBe(1);
    expect(abandonedAttempt(states.pending, 1e9, 30_000)).toBeUndefined();
  });
});
