import { EVENT_UPCASTING } from '@monitor/domain';
import { toNewEvents } from './new-events';

describe('toNewEvents', () => {
  const meta = { userId: 'u1', via: 'api' as const, correlationId: 'c1' };

  it('gives each decided event an id of its own and the command’s metadata', () => {
    const events = toNewEvents(
      [
        { type: 'TagCreated', data: { name: 'a' } },
        { type: 'TagCreated', data: { name: 'b' } },
      ],
      meta,
    );
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['TagCreated', { name: 'a' }],
      ['TagCreated', { name: 'b' }],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    expect(events[0].metadata).toMatchObject({ userId: 'u1', via: 'api', causationId: 'c1' });
  });

  it('stamps each with its type’s current schema version', () => {
    const upcast = EVENT_UPCASTING.version('UserResourcePermissionSet');
    expect(upcast).toBeGreaterThan(1);
    const [granted, tag] = toNewEvents(
      [
        { type: 'UserResourcePermissionSet', data: {} },
        { type: 'TagCreated', data: {} },
      ],
      meta,
    );
    expect(granted.schemaVersion).toBe(upcast);
    expect(tag.schemaVersion).toBe(EVENT_UPCASTING.version('TagCreated'));
  });
});
