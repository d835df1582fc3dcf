import { parse } from 'smol-toml';
import type { ResourceKind } from '../../kinds';
import { KIND_SPECS, type ConfigOf } from '../../resources/configs/registry';
import type { Resource } from '../../resources/lifecycle/state';
import type { Variable } from '../../variables/variable';
import type { DeclaredResource, DeclaredSet } from '../declared';
import type { ExportNames } from './config-view';
import { renderResourceToml } from './render-resource';
import { renderVariableToml } from './render-variable';
import type { SyncFileChange } from './rewrite';
import { writeSyncFiles } from './write-files';

/** CommitSync's writing, in the domain: the state as it is now, written into the sync's files. */

const names: ExportNames = { resource: (_k, id) => id, tag: (id) => id, user: (id) => id };

function resource<K extends ResourceKind>(kind: K, name: string, config: Partial<ConfigOf<K>>) {
  return {
    kind, id: name, name, description: '', tags: [],
    config: { ...KIND_SPECS[kind].defaults(), ...config },
    basePermission: 'None', createdAt: 0, updatedAt: 0, revision: 0, configWriter: '',
  } as Resource; // prettier-ignore
}

function declared(
  kind: ResourceKind,
  name: string,
  file: string,
  more: Partial<DeclaredResource> = {},
) {
  return {
    kind,
    name,
    deploy: false,
    after: [],
    config: {},
    source: { file, line: 1 },
    lines: {},
    ...more,
  };
}

const FILES = [
  {
    path: 'servers.toml',
    contents:
      '# the lab\n[[server]]\nname = "prod"\n[server.config]\n# public\naddress = "https://a:8120"\n',
  },
  {
    path: 'apps.toml',
    contents:
      '[[stack]]\nname = "mongo"\ndeploy = true # on every push\n[stack.config]\nserver = "prod"\nrepo = "me/mongo"\n\n##\n\n[[stack]]\nname = "old"\n[stack.config]\nrepo = "me/old"\n',
  },
  {
    path: 'vars.toml',
    contents: '[[variable]]\nname = "DOMAIN"\nvalue = "example.org" # prod domain\n',
  },
];

const DECLARED: DeclaredSet = {
  resources: [
    declared('Server', 'prod', 'servers.toml'),
    declared('Stack', 'mongo', 'apps.toml', { deploy: true }),
    declared('Stack', 'old', 'apps.toml'),
  ],
  variables: [
    { name: 'DOMAIN', value: 'example.org', source: { file: 'vars.toml', line: 1 }, lines: {} },
  ],
  userGroups: [],
};

/** What CommitSync asks for (apps/sync decides it): every entry as it is, the gone ones deleted. */
function changesFor(now: { resources: Resource[]; variables: Variable[] }): SyncFileChange[] {
  const meta = (r: Resource) =>
    DECLARED.resources.find((d) => d.kind === r.kind && d.name === r.name);
  const declaredHere = (kind: string, name: string) =>
    DECLARED.resources.some((d) => d.kind === kind && d.name === name) ||
    (kind === 'Variable' && DECLARED.variables.some((v) => v.name === name));
  const written: SyncFileChange[] = [
    ...now.resources.map((r) => ({
      kind: r.kind,
      name: r.name,
      toml: renderResourceToml(r, names, meta(r)),
    })),
    ...now.variables.map((v) => ({
      kind: 'Variable' as const,
      name: v.name,
      toml: renderVariableToml(v),
    })),
  ].map((c) => ({ ...c, action: declaredHere(c.kind, c.name) ? 'update' : 'create' }));
  const gone = DECLARED.resources
    .filter((d) => !now.resources.some((r) => r.kind === d.kind && r.name === d.name))
    .map((d): SyncFileChange => ({ action: 'delete', kind: d.kind, name: d.name }));
  return [...written, ...gone];
}

describe('writeSyncFiles, as CommitSync uses it', () => {
  it('writes each change into the file it came from, keeping the rest of each file', () => {
    const now = {
      resources: [
        resource('Server', 'prod', { address: 'https://b:8120' }),
        resource('Stack', 'mongo', { server_id: 'prod', repo: 'me/mongo' }),
        resource('Stack', 'redis', { server_id: 'prod', repo: 'me/redis' }),
      ],
      variables: [{ name: 'DOMAIN', value: 'example.com', description: '', isSecret: false }],
    };
    const written = writeSyncFiles(FILES, DECLARED, changesFor(now));
    expect(written.map((f) => f.path)).toEqual(['servers.toml', 'apps.toml', 'vars.toml']);
    const [servers, apps, vars] = written.map((f) => f.contents);
    expect(servers).toBe(
      '# the lab\n[[server]]\nname = "prod"\n[server.config]\n# public\naddress = "https://b:8120"\n',
    );
    // mongo is as it was (its deploy kept from the file), old is gone, redis follows mongo.
    expect(apps).toBe(
      '[[stack]]\nname = "mongo"\ndeploy = true # on every push\n[stack.config]\nserver = "prod"\nrepo = "me/mongo"\n\n##\n\n[[stack]]\nname = "redis"\n[stack.config]\nserver = "prod"\nrepo = "me/redis"\n',
    );
    expect(vars).toBe(
      '[[variable]]\nname = "DOMAIN"\nvalue = "example.com" # prod domain\nis_secret = false\n',
    );
    expect(parse(apps)).toEqual({
      stack: [
        { name: 'mongo', deploy: true, config: { server: 'prod', repo: 'me/mongo' } },
        { name: 'redis', config: { server: 'prod', repo: 'me/redis' } },
      ],
    });
  });

  it('writes nothing when the files already say what is', () => {
    const now = {
      resources: [
        resource('Server', 'prod', { address: 'https://a:8120' }),
        resource('Stack', 'mongo', { server_id: 'prod', repo: 'me/mongo' }),
        resource('Stack', 'old', { repo: 'me/old' }),
      ],
      variables: [{ name: 'DOMAIN', value: 'example.org', description: '', isSecret: false }],
    };
    // vars.toml leaves out is_secret = false: it reads the same.
    expect(writeSyncFiles(FILES, DECLARED, changesFor(now))).toEqual([]);
  });
});
