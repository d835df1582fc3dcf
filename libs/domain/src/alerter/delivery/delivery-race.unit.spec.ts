import fc from 'fast-check';
import { DomainError } from '../../shared/domain-error';
import type { DomainEvent } from '../../shared/domain-event';
import { deliveryDecider } from './delivery';
import type { DeliveryCommand } from './delivery-events';

/**
 * Two replicas work one delivery stream, each from its own (possibly stale) read, appending at
 * the revision it read as the event store requires: whatever they do, in whatever order, the
 * stream holds one delivery at most, attempts one at a time and numbered in order.
 */
type Step =
  | { replica: 0 | 1; action: 'read' }
  | { replica: 0 | 1; action: 'claim'; wait: number }
  | { replica: 0 | 1; action: 'deliver'; wait: number }
  | { replica: 0 | 1; action: 'fail'; wait: number; status?: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ replica: fc.constantFrom(0, 1), action: fc.constant('read') }),
  fc.record({
    replica: fc.constantFrom(0, 1),
    action: fc.constantFrom('claim', 'deliver'),
    wait: fc.nat(5_000),
  }),
  fc.record({
    replica: fc.constantFrom(0, 1),
    action: fc.constant('fail'),
    wait: fc.nat(5_000),
    status: fc.constantFrom(undefined, 404, 408, 429, 500, 503),
  }),
) as fc.Arbitrary<Step>;

const decided: DomainEvent = {
  type: 'DeliveryDecided',
  data: {
    alert_event_key: 'a1:0',
    alerter_id: 'al1',
    alert_type: 'ServerUnreachable',
    level: 'CRITICAL',
    target: { type: 'Server', id: 's1' },
    verdict: 'send',
    at: 0,
  },
};

function run(steps: Step[], random: () => number): DomainEvent[] {
  const stream: DomainEvent[] = [decided];
  const seen = [1, 1];
  const claimedBy: (number | undefined)[] = [undefined, undefined];
  let now = 0;
  for (const s of steps) {
    if (s.action === 'read') {
      seen[s.replica] = stream.length;
      continue;
    }
    now += s.wait;
    const state = stream
      .slice(0, seen[s.replica])
      .reduce(deliveryDecider.evolve, deliveryDecider.initialState());
    const attempt = claimedBy[s.replica] ?? 0;
    const command: DeliveryCommand =
      s.action === 'claim'
        ? { type: 'Claim', at: now, by: `r${s.replica}` }
        : s.action === 'deliver'
          ? { type: 'Deliver', attempt, at: now, status: 200 }
          : { type: 'Fail', attempt, at: now, status: s.status, error: 'x', random };
    let events: DomainEvent[];
    try {
      events = deliveryDecider.decide(state, command);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      continue;
    }
    // The event store's rule: an append at a revision the stream has left is refused.
    if (seen[s.replica] !== stream.length || !events.length) continue;
    stream.push(...events);
    seen[s.replica] = stream.length;
    if (s.action === 'claim')
      claimedBy[s.replica] = (events[0].data as { attempt: number }).attempt;
  }
  return stream;
}

describe('two replicas on one delivery', () => {
  it('deliver at most once, one attempt at a time, attempts in order, nothing after the end', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 80 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (steps, r) => {
          const stream = run(steps, () => r);
          const types = stream.map((e) => e.type);
          expect(types.filter((t) => t === 'DeliveryDelivered').length).toBeLessThanOrEqual(1);
          let inFlight = 0;
          let attempts = 0;
          let ended = false;
          for (const e of stream.slice(1)) {
            expect(ended).toBe(false);
            const data = e.data as { attempt?: number };
            if (e.type === 'DeliveryAttemptClaimed') {
              expect(inFlight).toBe(0);
              expect(data.attempt).toBe(++attempts);
              inFlight = attempts;
            } else if (e.type === 'DeliveryAttemptFailed' || e.type === 'DeliveryDelivered') {
              expect(data.attempt).toBe(inFlight);
              inFlight = 0;
              ended = e.type === 'DeliveryDelivered';
            } else if (e.type === 'DeliveryGivenUp') {
              ended = true;
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
