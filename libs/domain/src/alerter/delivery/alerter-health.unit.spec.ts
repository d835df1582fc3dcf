import { deciderSpec } from '@monitor/testing';
import { alerterHealth, alerterHealthDecider, FAILING_AFTER } from './alerter-health';

const failedAttempt = (key: string) => ({
  type: 'DeliveryAttemptFailed',
  data: { attempt: 1, at: 1, status: 500, error: `${key} failed`, retryable: true },
});
const delivered = { type: 'DeliveryDelivered', data: { attempt: 2, at: 2, status: 200 } };
const claimed = { type: 'DeliveryAttemptClaimed', data: { attempt: 1, at: 1, by: 'r1' } };
const failures = (n: number) => Array.from({ length: n }, (_, i) => failedAttempt(`a${i}:0`));

describe('alerter health', () => {
  it.each([
    [[], 'Ok', 0],
    [failures(4), 'Ok', 4],
    [failures(5), 'Failing', 5],
    [[...failures(3), claimed, ...failures(2)], 'Failing', 5],
    [[...failures(4), delivered, ...failures(4)], 'Ok', 4],
    [[...failures(7), delivered], 'Ok', 0],
    [[...failures(7), delivered, ...failures(5)], 'Failing', 5],
  ])('%#: comes to %p with %p failures in a row', (events, health, inARow) => {
    expect(alerterHealth(events)).toEqual({ health, failuresInARow: inARow });
  });

  it('counts failures across deliveries: five different alerts failing once each', () => {
    expect(FAILING_AFTER).toBe(5);
    const acrossKeys = ['a1:0', 'a2:0', 'a2:1', 'a3:0', 'a4:0'].map(failedAttempt);
    expect(alerterHealth(acrossKeys).health).toBe('Failing');
  });

  const spec = deciderSpec(alerterHealthDecider);
  const changed = (from: string, to: string, n: number, at: number) => ({
    type: 'AlerterHealthChanged',
    data: { from, to, failures_in_a_row: n, at },
  });

  it('records a change, once', () => {
    const failing = { health: 'Failing' as const, failuresInARow: 5 };
    spec
      .given([])
      .when({ type: 'Observe', observed: failing, at: 10 })
      .then([changed('Ok', 'Failing', 5, 10)]);
    spec
      .given([changed('Ok', 'Failing', 5, 10)])
      .when({ type: 'Observe', observed: { ...failing, failuresInARow: 9 }, at: 20 })
      .then([]);
    spec
      .given([changed('Ok', 'Failing', 5, 10)])
      .when({ type: 'Observe', observed: { health: 'Ok', failuresInARow: 0 }, at: 30 })
      .then([changed('Failing', 'Ok', 0, 30)]);
    spec
      .given([])
      .when({ type: 'Observe', observed: { health: 'Ok', failuresInARow: 2 }, at: 5 })
      .then([]);
  });

  it('refuses an observation without a time', () => {
    spec
      .given([])
      .when({ type: 'Observe', observed: { health: 'Failing', failuresInARow: 5 }, at: NaN })
      .thenFails('VALIDATION', /at/);
  });
});
