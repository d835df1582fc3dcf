import { deciderSpec } from '@monitor/testing';
import { ABANDONED_ATTEMPT, deliveryDecider, DELIVERY_ERROR_MAX } from './delivery';
import {
  alertEventKey,
  deliveryStream,
  parseDeliveryStream,
  type DeliveryCommand,
} from './delivery-events';
import type { DeliveryState } from './delivery-state';

const spec = deciderSpec(deliveryDecider);
const state = (events: { type: string; data: unknown }[]): DeliveryState =>
  events.reduce(deliveryDecider.evolve, deliveryDecider.initialState());

const T = 1_000_000;
const HOUR = 3_600_000;
const subject = {
  alert_event_key: 'a1:0',
  alerter_id: 'al1',
  alert_type: 'ServerUnreachable' as const,
  level: 'CRITICAL' as const,
  target: { type: 'Server' as const, id: 's1' },
};
const decide = (verdict: object, at = T) =>
  ({ type: 'Decide', at, ...subject, ...verdict }) as DeliveryCommand;
const sendDecided = { type: 'DeliveryDecided', data: { ...subject, verdict: 'send', at: T } };
const heldDecided = {
  type: 'DeliveryDecided',
  data: { ...subject, verdict: 'hold', until: T + HOUR, reason: 'alerter maintenance', at: T },
};
const claimed = (attempt: number, at: number, by = 'r1') => ({
  type: 'DeliveryAttemptClaimed',
  data: { attempt, at, by },
});
const half = () => 0.5;
const fail = (attempt: number, at: number, extra: object = {}) =>
  ({ type: 'Fail', attempt, at, error: 'boom', random: half, ...extra }) as DeliveryCommand;
const failed = (attempt: number, at: number, next: number, status = 503) => ({
  type: 'DeliveryAttemptFailed',
  data: { attempt, at, status, error: 'boom', retryable: true, next_attempt_at: next },
});

describe('delivery', () => {
  it('has one stream per (alert event, alerter), named back to the pair', () => {
    const key = alertEventKey('65f0a1b2c3d4e5f601234567', 3);
    expect(key).toBe('65f0a1b2c3d4e5f601234567:3');
    const stream = deliveryStream(key, '65f0a1b2c3d4e5f60000aaaa');
    expect(stream).toBe('delivery-65f0a1b2c3d4e5f60000aaaa-65f0a1b2c3d4e5f601234567:3');
    expect(deliveryStream(alertEventKey('65f0a1b2c3d4e5f601234567', 4), 'x')).not.toBe(stream);
    expect(parseDeliveryStream(stream)).toEqual({
      alerterId: '65f0a1b2c3d4e5f60000aaaa',
      alertEventKey: key,
    });
    expect(parseDeliveryStream('alert-a1')).toBeUndefined();
  });

  it('is decided once: a replayed decision appends nothing', () => {
    spec
      .given([])
      .when(decide({ verdict: 'send' }))
      .then([sendDecided]);
    spec
      .given([sendDecided])
      .when(decide({ verdict: 'send' }, T + 5))
      .then([]);
    spec
      .given([sendDecided])
      .when(decide({ verdict: 'skip', reason: 'disabled' }))
      .then([]);
  });

  it('records a skip and a hold with their reasons and times', () => {
    spec
      .given([])
      .when(decide({ verdict: 'skip', reason: 'type not chosen' }))
      .then([
        {
          type: 'DeliveryDecided',
          data: { ...subject, verdict: 'skip', reason: 'type not chosen', at: T },
        },
      ]);
    spec
      .given([])
      .when(decide({ verdict: 'hold', until: T + HOUR, reason: 'alerter maintenance' }))
      .then([heldDecided]);
    expect(state([heldDecided])).toMatchObject({
      status: 'Held',
      heldUntil: T + HOUR,
      reason: 'alerter maintenance',
    });
  });

  it('decides a held delivery again when its window ends, and not for the same hold', () => {
    spec
      .given([heldDecided])
      .when(decide({ verdict: 'hold', until: T + HOUR, reason: 'alerter maintenance' }))
      .then([]);
    spec
      .given([heldDecided])
      .when(decide({ verdict: 'send' }, T + HOUR))
      .then([{ type: 'DeliveryDecided', data: { ...subject, verdict: 'send', at: T + HOUR } }]);
    spec
      .given([heldDecided])
      .when({ type: 'Claim', at: T + HOUR, by: 'r1' })
      .thenFails('CONFLICT', /held until/);
  });

  it('claims the first attempt once it is decided to send', () => {
    spec
      .given([sendDecided])
      .when({ type: 'Claim', at: T, by: 'r1' })
      .then([claimed(1, T)]);
    expect(state([sendDecided, claimed(1, T)])).toMatchObject({
      status: 'InFlight',
      attempts: 1,
      firstAttemptAt: T,
      claim: { at: T, by: 'r1' },
    });
  });

  it('refuses a second claim while an attempt is in flight', () => {
    spec
      .given([sendDecided, claimed(1, T)])
      .when({ type: 'Claim', at: T + 1, by: 'r2' })
      .thenFails('CONFLICT', /attempt 1 is in flight \(claimed by r1\)/);
  });

  it('refuses to claim before the next attempt is due, and claims it once due', () => {
    const given = [sendDecided, claimed(1, T), failed(1, T + 10, T + 510)];
    spec
      .given(given)
      .when({ type: 'Claim', at: T + 509, by: 'r2' })
      .thenFails('CONFLICT', /due/);
    spec
      .given(given)
      .when({ type: 'Claim', at: T + 510, by: 'r2' })
      .then([claimed(2, T + 510, 'r2')]);
  });

  it('a retryable failure schedules the next attempt with backoff and Retry-After', () => {
    spec
      .given([sendDecided, claimed(1, T)])
      .when(fail(1, T + 10, { status: 503 }))
      .then([failed(1, T + 10, T + 510)]);
    spec
      .given([sendDecided, claimed(1, T)])
      .when(fail(1, T + 10, { status: 429, retryAfter: '30' }))
      .then([
        {
          type: 'DeliveryAttemptFailed',
          data: {
            attempt: 1,
            at: T + 10,
            status: 429,
            error: 'boom',
            retryable: true,
            retry_after_ms: 30_000,
            next_attempt_at: T + 30_010,
          },
        },
      ]);
  });

  it('a timeout (no status) retries; a 404 gives up at once', () => {
    spec
      .given([sendDecided, claimed(1, T)])
      .when(fail(1, T + 10))
      .then([
        {
          type: 'DeliveryAttemptFailed',
          data: {
            attempt: 1,
            at: T + 10,
            error: 'boom',
            retryable: true,
            next_attempt_at: T + 510,
          },
        },
      ]);
    const given = [sendDecided, claimed(1, T)];
    spec
      .given(given)
      .when(fail(1, T + 10, { status: 404 }))
      .then([
        {
          type: 'DeliveryAttemptFailed',
          data: { attempt: 1, at: T + 10, status: 404, error: 'boom', retryable: false },
        },
        { type: 'DeliveryGivenUp', data: { at: T + 10, reason: 'the receiver answered 404' } },
      ]);
    const [f, g] = deliveryDecider.decide(state(given), fail(1, T + 10, { status: 404 }));
    expect(state([...given, f, g])).toMatchObject({ status: 'GivenUp', reason: /404/ });
  });

  it('gives up when retrying would pass 24 h since the first attempt', () => {
    const late = T + 24 * HOUR - 100;
    spec
      .given([sendDecided, claimed(1, T), failed(1, T, late - 1), claimed(2, late)])
      .when(fail(2, late, { status: 500 }))
      .then([
        {
          type: 'DeliveryAttemptFailed',
          data: { attempt: 2, at: late, status: 500, error: 'boom', retryable: true },
        },
        {
          type: 'DeliveryGivenUp',
          data: { at: late, reason: 'still failing after 24 h of trying (2 attempts)' },
        },
      ]);
  });

  it('bounds the error message it keeps', () => {
    const [event] = deliveryDecider.decide(
      state([sendDecided, claimed(1, T)]),
      fail(1, T, { error: 'x'.repeat(5_000) }),
    );
    expect((event.data as { error: string }).error).toHaveLength(DELIVERY_ERROR_MAX);
  });

  it('delivers the attempt in flight once; a repeated answer appends nothing', () => {
    const delivered = { type: 'DeliveryDelivered', data: { attempt: 1, at: T + 20, status: 200 } };
    spec
      .given([sendDecided, claimed(1, T)])
      .when({ type: 'Deliver', attempt: 1, at: T + 20, status: 200 })
      .then([delivered]);
    spec
      .given([sendDecided, claimed(1, T), delivered])
      .when({ type: 'Deliver', attempt: 1, at: T + 30, status: 200 })
      .then([]);
    spec
      .given([sendDecided, claimed(1, T), delivered])
      .when({ type: 'Claim', at: T + 40, by: 'r2' })
      .thenFails('CONFLICT', /Delivered/);
  });

  it('refuses to end an attempt that is not in flight', () => {
    spec
      .given([sendDecided])
      .when(fail(1, T))
      .thenFails('CONFLICT', /not in flight/);
    spec
      .given([sendDecided, claimed(1, T), failed(1, T, T + 500), claimed(2, T + 500)])
      .when({ type: 'Deliver', attempt: 1, at: T + 600, status: 200 })
      .thenFails('CONFLICT', /attempt 1 is not in flight/);
    spec
      .given([])
      .when({ type: 'Claim', at: T, by: 'r1' })
      .thenFails('CONFLICT', /not decided/);
  });

  it('never claims a skipped delivery', () => {
    const skipped = {
      type: 'DeliveryDecided',
      data: { ...subject, verdict: 'skip', reason: 'disabled', at: T },
    };
    spec
      .given([skipped])
      .when({ type: 'Claim', at: T, by: 'r1' })
      .thenFails('CONFLICT', /Skipped/);
  });

  it('a user retries a given-up delivery: due now, a new 24 h', () => {
    const gaveUp = [
      sendDecided,
      claimed(1, T),
      { type: 'DeliveryGivenUp', data: { at: T, reason: 'the receiver answered 401' } },
    ];
    const retried = { type: 'DeliveryRetried', data: { at: T + HOUR, by: 'u1' } };
    spec
      .given(gaveUp)
      .when({ type: 'Retry', at: T + HOUR, by: 'u1' })
      .then([retried]);
    expect(state([...gaveUp, retried])).toMatchObject({
      status: 'Pending',
      dueAt: T + HOUR,
      attempts: 1,
      firstAttemptAt: undefined,
    });
    spec
      .given([...gaveUp, retried])
      .when({ type: 'Claim', at: T + HOUR, by: 'r1' })
      .then([claimed(2, T + HOUR)]);
    spec.given([sendDecided]).when({ type: 'Retry', at: T, by: 'u1' }).thenFails('CONFLICT');
  });

  it('refuses a decision without a time or its pair', () => {
    spec
      .given([])
      .when(decide({ verdict: 'send' }, NaN))
      .thenFails('VALIDATION', /at/);
    spec
      .given([])
      .when({ ...decide({ verdict: 'send' }), alerter_id: '' } as DeliveryCommand)
      .thenFails('VALIDATION', /alerter_id/);
  });
});

describe('delivery: the claim lease', () => {
  const LEASE = 60_000;
  const claim = (at: number) =>
    ({ type: 'Claim', at, by: 'r2', leaseMs: LEASE }) as DeliveryCommand;

  it('fails an attempt left in flight past the lease and claims the next in the same append', () => {
    spec
      .given([sendDecided, claimed(1, T)])
      .when(claim(T + LEASE))
      .then([
        {
          type: 'DeliveryAttemptFailed',
          data: {
            attempt: 1,
            at: T + LEASE,
            error: ABANDONED_ATTEMPT,
            retryable: true,
            next_attempt_at: T + LEASE,
          },
        },
        claimed(2, T + LEASE, 'r2'),
      ]);
  });

  it('leaves an attempt within its lease to the process sending it', () => {
    spec
      .given([sendDecided, claimed(1, T)])
      .when(claim(T + LEASE - 1))
      .thenFails('CONFLICT', /in flight/);
  });

  it('takes the retry policy a Fail names (shorter backoff)', () => {
    const policy = { baseMs: 10, capMs: 40, retryAfterCapMs: 1_000, giveUpAfterMs: HOUR };
    const events = deliveryDecider.decide(
      state([sendDecided, claimed(1, T), failed(1, T + 1, T + 2), claimed(2, T + 2)]),
      fail(2, T + 10, { status: 500, policy }),
    );
    // attempt 2: ceiling min(40, 10 * 2) = 20, half of it with this jitter.
    expect(events).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ next_attempt_at: T + 20 }) }),
    ]);
  });
});

describe('delivery: a failure the sender knows is permanent', () => {
  it('gives up at once with the reason the sender gives, whatever the status', () => {
    const events = deliveryDecider.decide(
      state([sendDecided, claimed(1, T)]),
      fail(1, T + 5, { permanent: 'the mail server refused it (SMTP 550)' }),
    );
    expect(events.map((e) => e.type)).toEqual(['DeliveryAttemptFailed', 'DeliveryGivenUp']);
    expect(events[0].data).toMatchObject({ retryable: false });
    expect(events[1].data).toEqual({ at: T + 5, reason: 'the mail server refused it (SMTP 550)' });
  });
});
