import { resourceEvent, resourceStream, type DomainEvent } from '@monitor/domain';
import { ReadModel } from './read-model';

/** A read model fed Server events as the store would deliver them. */
function servers() {
  const readModel = new ReadModel();
  let position = 0;
  const revisions = new Map<string, number>();
  const append = (id: string, event: DomainEvent) => {
    const revision = revisions.get(id) ?? 0;
    revisions.set(id, revision + 1);
    position += 1;
    readModel.apply({
      ...event,
      id: `event-${position}`,
      stream: resourceStream('Server', id),
      revision,
      position,
      schemaVersion: 1,
      metadata: { userId: 'u', via: 'api', correlationId: 'c', causationId: 'c', at: position },
    });
  };
  return {
    readModel,
    create: (id: string, name: string) =>
      append(
        id,
        resourceEvent('Server', 'Created', { id, name, description: '', tags: [], config: {} }),
      ),
    rename: (id: string, from: string, to: string) =>
      append(id, resourceEvent('Server', 'Renamed', { from, to })),
    remove: (id: string, name: string) => append(id, resourceEvent('Server', 'Deleted', { name })),
    names: () => readModel.sortedList('Server').map((s) => s.name),
  };
}

describe('ReadModel: resources by name, lists kept sorted', () => {
  it('finds a resource by name after a create, a rename and a delete, the old name no more', () => {
    const s = servers();
    s.create('s1', 'east');
    expect(s.readModel.resource('Server', 'east')?.id).toBe('s1');
    s.rename('s1', 'east', 'west');
    expect(s.readModel.resource('Server', 'east')).toBeUndefined();
    expect(s.readModel.resource('Server', 'west')?.id).toBe('s1');
    s.create('s2', 'east');
    expect(s.readModel.resource('Server', 'east')?.id).toBe('s2');
    s.remove('s1', 'west');
    expect(s.readModel.resource('Server', 'west')).toBeUndefined();
    expect(s.readModel.resource('Deployment', 'east')).toBeUndefined();
  });

  it('keeps a kind sorted by name through writes; the shared list is a new array after a change', () => {
    const s = servers();
    s.create('s1', 'm');
    s.create('s2', 'b');
    const before = s.readModel.sortedList('Server');
    expect(s.readModel.sortedList('Server')).toBe(before);
    expect(s.names()).toEqual(['b', 'm']);
    s.create('s3', 'z');
    s.rename('s2', 'b', 'x');
    expect(s.names()).toEqual(['m', 'x', 'z']);
    expect(before.map((r) => r.name)).toEqual(['b', 'm']);
    s.remove('s1', 'm');
    expect(s.names()).toEqual(['x', 'z']);
    expect(s.readModel.list('Server')).not.toBe(s.readModel.sortedList('Server'));
  });

  it('calls onApplied listeners after each event is applied, until unsubscribed', () => {
    const s = servers();
    const seen: string[] = [];
    const stop = s.readModel.onApplied((e) => seen.push(`${e.type}:${s.names().join(',')}`));
    s.create('s1', 'east');
    stop();
    s.create('s2', 'west');
    expect(seen).toEqual(['ServerCreated:east']);
  });
});
