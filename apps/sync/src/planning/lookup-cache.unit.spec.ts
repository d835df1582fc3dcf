import { LookupCache } from './lookup-cache';

const server = (name: string, address = '') => ({
  kind: 'Server' as const,
  id: 'server-1',
  name,
  config: { address },
});
const tag = (name: string) => ({ id: 'tag-1', name });
const user = { id: 'user-1', username: 'ada' };

describe('LookupCache', () => {
  it('given the same ids and names, when asked again (configs written meanwhile), then the same lookup', () => {
    const cache = new LookupCache();
    const first = cache.lookup([server('edge')], [tag('prod')], [user]);
    const again = cache.lookup([server('edge', 'x')], [tag('prod')], [{ ...user }]);
    expect(again).toBe(first);
    expect(again.resourceName('Server', 'server-1')).toBe('edge');
  });

  it('given a resource or a tag renamed, or a user added, when asked, then a new lookup with the new names', () => {
    const cache = new LookupCache();
    const first = cache.lookup([server('edge')], [tag('prod')], [user]);
    const renamed = cache.lookup([server('core')], [tag('prod')], [user]);
    expect(renamed).not.toBe(first);
    expect(renamed.resourceName('Server', 'server-1')).toBe('core');
    const retagged = cache.lookup([server('core')], [tag('live')], [user]);
    expect(retagged).not.toBe(renamed);
    expect(retagged.tagName('tag-1')).toBe('live');
    const more = cache.lookup(
      [server('core')],
      [tag('live')],
      [user, { id: 'u2', username: 'bo' }],
    );
    expect(more).not.toBe(retagged);
    expect(more.userName('u2')).toBe('bo');
  });
});
