import { parseVolumes } from './index';

describe('parseVolumes', () => {
  it.each([
    ['/srv/data:/data', '/srv/data:/data'],
    ['/srv/data:/data:ro', '/srv/data:/data:ro'],
    ['/srv/data:/data:ro,Z', '/srv/data:/data:ro,Z'],
    ['pgdata:/var/lib/postgresql/data', 'pgdata:/var/lib/postgresql/data'],
    ['my.vol_1:/x:nocopy', 'my.vol_1:/x:nocopy'],
    ['- "/a b/c:/data"', '/a b/c:/data'],
    ['/srv/data = /data', '/srv/data:/data'],
    ['/var/run/docker.sock : /var/run/docker.sock', '/var/run/docker.sock:/var/run/docker.sock'],
  ])('%s', (text, bind) => {
    expect(parseVolumes(text)).toEqual([bind]);
  });

  it('gives one bind per line', () => {
    expect(parseVolumes('# data\n/a:/a\n- b_vol:/b:rw\n')).toEqual(['/a:/a', 'b_vol:/b:rw']);
  });

  it.each([
    [
      '/data',
      "volumes line 1: '/data' needs a source and a container path (source:/container/path)",
    ],
    ['/a:data', 'volumes line 1: container path data must be absolute'],
    ['./data:/data', 'volumes line 1: host path ./data must be absolute'],
    ['~/data:/data', 'volumes line 1: host path ~/data must be absolute'],
    [
      'x:/data',
      "volumes line 1: 'x' is neither an absolute host path nor a volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]+)",
    ],
    ['/a::/b', "volumes line 1: '/a::/b' has an empty part"],
    ['/a:/b:', "volumes line 1: '/a:/b:' has an empty part"],
    [
      '/a:/b:ro:z',
      "volumes line 1: '/a:/b:ro:z' has too many ':' (source:/container/path[:options])",
    ],
    [
      '/a:/b:readonly',
      "volumes line 1: 'readonly' is not a volume option (ro, rw, z, Z, nocopy, consistent, cached, delegated, shared, rshared, slave, rslave, private, rprivate)",
    ],
    ['/a:/b:ro,rw', "volumes line 1: 'ro,rw' is both ro and rw"],
    ['/a:/data\n/b:/data/', 'volumes line 2: container path /data/ is already mounted on line 1'],
  ])('refuses %j', (text, message) => {
    expect(() => parseVolumes(text)).toThrow(message);
  });
});
