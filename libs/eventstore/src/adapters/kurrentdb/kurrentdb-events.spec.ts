import { randomUUID } from 'node:crypto';
import { newEvent } from '../../contract/fixtures';
import { kurrentEventId } from './event-id';
import { fromRecorded, toEventData } from './kurrentdb-events';

describe('KurrentDB event mapping', () => {
  it('keeps UUID ids and maps other ids to stable, distinct UUIDs', () => {
    const uuid = randomUUID();
    expect(kurrentEventId(uuid)).toBe(uuid);
    const mapped = kurrentEventId('deployment-created-1');
    expect(mapped).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kurrentEventId('deployment-created-1')).toBe(mapped);
    expect(kurrentEventId('deployment-created-2')).not.toBe(mapped);
  });

  it('gives back the event as written, with the original id and schema version', () => {
    const event = { ...newEvent('Renamed', { name: 'ünï' }), id: 'not-a-uuid', schemaVersion: 2 };
    const data = toEventData(event);
    expect(data.metadata).toMatchObject({ $correlationId: event.metadata.correlationId });
    const stored = fromRecorded({
      streamId: 'deployment-1',
      id: data.id,
      revision: 4n,
      type: data.type,
      // What the client gives back after its JSON round trip.
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      position: { commit: 1000n, prepare: 1200n },
    });
    expect(stored).toEqual({
      ...event,
      stream: 'deployment-1',
      revision: 4,
      position: 1200,
    });
  });
});
