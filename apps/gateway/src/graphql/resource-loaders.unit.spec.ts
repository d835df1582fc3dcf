import type { Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ResourceLoaders } from './resource-loaders';

const deployment = (name: string) => ({ kind: 'Deployment', id: `id-${name}`, name }) as Resource;

describe('ResourceLoaders', () => {
  const readModel = {
    resourceById: jest.fn((_kind: string, id: string) =>
      id === 'id-a' ? deployment('a') : undefined,
    ),
    tag: jest.fn(() => undefined),
  } as unknown as ReadModel;

  it('reads each resource once per request however many fields ask for it', async () => {
    const loaders = new ResourceLoaders(readModel, jest.fn());
    const found = await Promise.all([1, 2, 3].map(() => loaders.resource('Server', 'id-a')));
    expect(found.map((r) => r?.name)).toEqual(['a', 'a', 'a']);
    expect(await loaders.resource('Server', 'gone')).toBeUndefined();
    expect(readModel.resourceById).toHaveBeenCalledTimes(2);
  });

  it("takes `info` from the gateway's list items when given", async () => {
    const dispatch = jest.fn();
    const loaders = new ResourceLoaders(readModel, dispatch, (r) => ({ state: `of ${r.name}` }));
    expect(await loaders.info(deployment('a'))).toEqual({ state: 'of a' });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('else reads `info` with one List<Kinds> per kind: by names, or whole for many', async () => {
    const dispatch = jest.fn(async (_verb: string, _name: string, params: unknown) => {
      const names = (params as { query?: { names: string[] } }).query?.names;
      const all = Array.from({ length: 300 }, (_, i) => `d${i}`);
      const listed = names ? all.filter((name) => names.includes(name)) : all;
      return listed.map((name) => ({ name, info: { state: `state of ${name}` } }));
    });
    const loaders = new ResourceLoaders(readModel, dispatch);
    const infos = await Promise.all(['d1', 'd2'].map((n) => loaders.info(deployment(n))));
    expect(infos).toEqual([{ state: 'state of d1' }, { state: 'state of d2' }]);
    expect(dispatch).toHaveBeenCalledWith('read', 'ListDeployments', {
      query: { names: ['d1', 'd2'] },
    });
    const many = await Promise.all(
      Array.from({ length: 250 }, (_, i) => loaders.info(deployment(`d${i + 10}`))),
    );
    expect(many[249]).toEqual({ state: 'state of d259' });
    expect(dispatch).toHaveBeenLastCalledWith('read', 'ListDeployments', {});
    expect(dispatch).toHaveBeenCalledTimes(2);
    expect(await loaders.info(deployment('absent-from-list'))).toEqual({ state: 'Unknown' });
  });
});
