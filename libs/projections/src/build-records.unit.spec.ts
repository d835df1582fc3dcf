import { defaultBuildConfig, type DomainEvent } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import { BuildRecords } from './build-records';

const stored = (event: DomainEvent, position: number): StoredEvent => ({
  ...event,
  id: `e${position}`,
  stream: 'build-b1',
  revision: position - 1,
  position,
  schemaVersion: 1,
  metadata: { userId: 'u', via: 'api', correlationId: 'c', causationId: 'c', at: position },
});
const run = (update_id: string, patch: number) => ({
  update_id,
  version: { major: 1, minor: 0, patch },
  started_at: 10,
  ended_at: 20,
});

describe("BuildRecords: each Build's stream folded as its events come", () => {
  it('given a build created at 1.0.0, built once and failed once, records 1.0.1', () => {
    const records = new BuildRecords();
    const config = { ...defaultBuildConfig(), version: { major: 1, minor: 0, patch: 0 } };
    const created = { id: 'b1', name: 'b1', description: '', tags: [], config };
    records.apply('b1', stored({ type: 'BuildCreated', data: created }, 1));
    records.apply('b1', stored({ type: 'BuildBuilt', data: run('u1', 1) }, 2));
    records.apply('b1', stored({ type: 'BuildFailed', data: run('u2', 2) }, 3));
    expect(records.of('b1')).toMatchObject({
      status: 'Active',
      version: { major: 1, minor: 0, patch: 1 },
      last_outcome: 'Failed',
    });
    expect(records.of('b1').runs).toHaveLength(2);
  });

  it('forgets a deleted build, and answers the initial record for one never seen', () => {
    const records = new BuildRecords();
    const created = { id: 'b1', name: 'b1', description: '', tags: [], config: {} };
    records.apply('b1', stored({ type: 'BuildCreated', data: created }, 1));
    records.apply('b1', stored({ type: 'BuildDeleted', data: { name: 'b1' } }, 2));
    expect(records.of('b1')).toMatchObject({ status: 'Empty', runs: [] });
    expect(records.of('other').status).toBe('Empty');
  });
});
