import { resourceEvent, resourceStream, type Resource } from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { ResourceLoaders } from './resource-loaders';

/** A read model holding Servers a, b and c, fed as the store would feed it. */
function readModelWithServers(): ReadModel {
  const readModel = new ReadModel();
  ['a', 'b', 'c'].forEach((name, i) => {
    const id = `id-${name}`;
    readModel.apply({
      ...resourceEvent('Server', 'Created', { id, name, description: '', tags: [], config: {} }),
      id: `event-${i}`,
      stream: resourceStream('Server', id),
      revision: 0,
      position: i + 1,
      schemaVersion: 1,
      metadata: { userId: 'u', via: 'api', correlationId: 'c', causationId: 'c', at: i },
    });
  });
  return readModel;
}

describe('ResourceLoaders', () => {
  it('reads the ids asked for in one tick in one lookup, each once, missing ones undefined', async () => {
    const readModel = readModelWithServers();
    const asked: string[][] = [];
    const batch = readModel.resourcesById.bind(readModel);
    readModel.resourcesById = (kind, ids) => {
      asked.push([...ids]);
      return batch(kind, ids);
    };
    const loaders = new ResourceLoaders(readModel, () => ({}));
    const ids = ['id-a', 'id-b', 'id-a', 'gone', 'id-c', 'id-b'];
    const found = await Promise.all(ids.map((id) => loaders.resource('Server', id)));
    expect(found.map((r) => r?.name)).toEqual(['a', 'b', 'a', undefined, 'c', 'b']);
    expect(asked).toEqual([['id-a', 'id-b', 'gone', 'id-c']]);
    expect(await loaders.resource('Server', 'id-c')).toMatchObject({ name: 'c' });
    expect(asked).toHaveLength(1);
  });

  it("answers `info` from the gateway's list items", () => {
    const loaders = new ResourceLoaders(new ReadModel(), (r) => ({ state: `of ${r.name}` }));
    expect(loaders.info({ kind: 'Deployment', id: 'd', name: 'web' } as Resource)).toEqual({
      state: 'of web',
    });
  });
});
