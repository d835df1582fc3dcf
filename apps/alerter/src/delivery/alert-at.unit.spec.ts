import type { StoredEvent } from '@monitor/eventstore';
import { alertAt } from './alert-at';

const data = { type: 'Custom', data: { message: 'disk' } };
const target = { type: 'System', id: 'x' };
const event = (revision: number, type: string, body: object): StoredEvent =>
  ({ stream: 'alert-a1', revision, position: revision + 1, type, data: body }) as StoredEvent;
const opened = event(0, 'AlertOpened', {
  id: 'a1',
  type: 'Custom',
  level: 'WARNING',
  target,
  data,
  ts: 1,
  alerters: ['al1'],
});
const escalated = event(1, 'AlertLevelChanged', { from: 'WARNING', to: 'CRITICAL', data, ts: 2 });
const resolved = event(2, 'AlertResolved', { data, ts: 3 });

describe('alertAt: the alert as one of its events left it', () => {
  it('folds up to the revision, keeps the alerters the alert was addressed to', () => {
    const at = alertAt([opened, escalated, resolved], 1)!;
    expect(at.alert).toMatchObject({ level: 'CRITICAL', resolved: false });
    expect(at.alerters).toEqual(['al1']);
  });

  it('says whether a later event resolved it (a held open is then skipped)', () => {
    expect(alertAt([opened, escalated, resolved], 0)!.resolvedSince).toBe(true);
    expect(alertAt([opened, escalated], 0)!.resolvedSince).toBe(false);
    // The resolve itself was not resolved since.
    expect(alertAt([opened, escalated, resolved], 2)!.resolvedSince).toBe(false);
  });

  it('is undefined for a stream without the alert', () => {
    expect(alertAt([], 0)).toBeUndefined();
  });
});
