import { alerterHealthStream, deliveryStream } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import { AlerterDeliveriesModel } from './alerter-deliveries-model';

const revisions = new Map<string, number>();
let position = 0;

function stored(stream: string, type: string, data: object): StoredEvent {
  const revision = revisions.get(stream) ?? 0;
  revisions.set(stream, revision + 1);
  return {
    id: `e${++position}`,
    stream,
    revision,
    position,
    schemaVersion: 1,
    type,
    data,
    metadata: { userId: 'system', via: 'system', correlationId: 'c', causationId: 'c', at: 0 },
  };
}

const decided = (key: string, alerter: string, verdict: object, at: number) =>
  stored(deliveryStream(key, alerter), 'DeliveryDecided', {
    alert_event_key: key,
    alerter_id: alerter,
    alert_type: 'ServerUnreachable',
    level: 'CRITICAL',
    target: { type: 'Server', id: 's' },
    ...verdict,
    at,
  });

describe('AlerterDeliveriesModel', () => {
  it('shows the newest delivery an alerter decided to send or hold, as it moves', () => {
    const model = new AlerterDeliveriesModel();
    expect(model.lastDelivery('A')).toBeUndefined();
    model.apply(decided('x:0', 'A', { verdict: 'send' }, 10));
    expect(model.lastDelivery('A')).toEqual({ state: 'Pending', ts: 10 });
    model.apply(
      stored(deliveryStream('x:0', 'A'), 'DeliveryAttemptClaimed', { attempt: 1, at: 11, by: 'r' }),
    );
    model.apply(
      stored(deliveryStream('x:0', 'A'), 'DeliveryDelivered', { attempt: 1, at: 12, status: 200 }),
    );
    expect(model.lastDelivery('A')).toEqual({ state: 'Delivered', ts: 12 });
    model.apply(decided('y:0', 'A', { verdict: 'hold', until: 99 }, 20));
    expect(model.lastDelivery('A')).toEqual({ state: 'Held', ts: 20 });
    expect(model.lastDelivery('B')).toBeUndefined();
  });

  it('skips what the rules skipped, and an older delivery decided again after its hold', () => {
    const model = new AlerterDeliveriesModel();
    model.apply(decided('old:0', 'A', { verdict: 'hold', until: 50 }, 1));
    model.apply(decided('new:0', 'A', { verdict: 'send' }, 2));
    model.apply(decided('skip:0', 'A', { verdict: 'skip', reason: 'type not chosen' }, 3));
    model.apply(decided('old:0', 'A', { verdict: 'send' }, 50));
    expect(model.lastDelivery('A')).toEqual({ state: 'Pending', ts: 2 });
  });

  it('health is Ok until the engine records a change, then as recorded', () => {
    const model = new AlerterDeliveriesModel();
    expect(model.categories).toContain('alerterhealth');
    expect(model.health('A')).toBe('Ok');
    const change = (to: string) =>
      model.apply(
        stored(alerterHealthStream('A'), 'AlerterHealthChanged', {
          to,
          failures_in_a_row: 5,
          at: 1,
        }),
      );
    change('Failing');
    expect([model.health('A'), model.health('B')]).toEqual(['Failing', 'Ok']);
    change('Ok');
    expect(model.health('A')).toBe('Ok');
  });
});
