import type { DeclaredSet } from '../declared';
import { DomainError } from '../../shared/domain-error';
import { placeResources } from './place';
import { writeSyncFiles } from './write-files';

const files = [
  { path: 'servers.toml', contents: '' },
  { path: 'apps/web.toml', contents: '' },
  { path: 'apps/db.toml', contents: '' },
];

const at = (file: string) => ({ source: { file, line: 1 }, lines: {} });

const declared: DeclaredSet = {
  resources: [
    { kind: 'Server', name: 'prod', deploy: false, after: [], config: {}, ...at('servers.toml') },
    {
      kind: 'Deployment',
      name: 'web',
      deploy: true,
      after: [],
      config: {},
      ...at('apps/web.toml'),
    },
    { kind: 'Deployment', name: 'api', deploy: true, after: [], config: {}, ...at('apps/db.toml') },
    { kind: 'Deployment', name: 'db', deploy: true, after: [], config: {}, ...at('apps/db.toml') },
  ],
  variables: [{ name: 'DOMAIN', value: 'x', ...at('apps/web.toml') }],
  userGroups: [],
};

describe('placeResources', () => {
  it('writes each entry into the file it came from, a create there becoming its update', () => {
    const placed = placeResources(files, declared, [
      { action: 'update', kind: 'Deployment', name: 'web', toml: 'w' },
      { action: 'create', kind: 'Server', name: 'prod', toml: 's' },
      { action: 'update', kind: 'Variable', name: 'DOMAIN', toml: 'v' },
      { action: 'delete', kind: 'Deployment', name: 'db' },
    ]);
    expect(placed).toEqual([
      {
        path: 'servers.toml',
        changes: [{ action: 'update', kind: 'Server', name: 'prod', toml: 's' }],
      },
      {
        path: 'apps/web.toml',
        changes: [
          { action: 'update', kind: 'Deployment', name: 'web', toml: 'w' },
          { action: 'update', kind: 'Variable', name: 'DOMAIN', toml: 'v' },
        ],
      },
      { path: 'apps/db.toml', changes: [{ action: 'delete', kind: 'Deployment', name: 'db' }] },
    ]);
  });

  it('puts a new entry where most of its kind are, else in the first file', () => {
    const placed = placeResources(files, declared, [
      { action: 'update', kind: 'Deployment', name: 'cache', toml: 'c' },
      { action: 'create', kind: 'Stack', name: 'mongo', toml: 'm' },
      { action: 'delete', kind: 'Stack', name: 'never-declared' },
    ]);
    expect(placed).toEqual([
      {
        path: 'servers.toml',
        changes: [{ action: 'create', kind: 'Stack', name: 'mongo', toml: 'm' }],
      },
      {
        path: 'apps/db.toml',
        changes: [{ action: 'create', kind: 'Deployment', name: 'cache', toml: 'c' }],
      },
    ]);
  });

  it('refuses a sync with no file, or an entry declared outside its files', () => {
    expect(() => placeResources([], declared, [])).toThrow(DomainError);
    const elsewhere = {
      ...declared,
      resources: [{ ...declared.resources[0], source: { file: 'gone.toml', line: 1 } }],
    };
    expect(() =>
      placeResources(files, elsewhere, [{ action: 'delete', kind: 'Server', name: 'prod' }]),
    ).toThrow("Server 'prod' is declared in gone.toml, not a file of the sync");
  });
});

describe('writeSyncFiles', () => {
  it('writes each change into its file and returns only the files that changed', () => {
    const sources = [
      {
        path: 'servers.toml',
        contents: '[[server]]\nname = "prod"\n[server.config]\naddress = "a"\n',
      },
      { path: 'apps/web.toml', contents: '# apps\n[[deployment]]\nname = "web"\n' },
      {
        path: 'apps/db.toml',
        contents: '[[deployment]]\nname = "api"\n\n##\n\n[[deployment]]\nname = "db"\n',
      },
    ];
    const written = writeSyncFiles(sources, declared, [
      {
        action: 'update',
        kind: 'Server',
        name: 'prod',
        toml: '[[server]]\nname = "prod"\n[server.config]\naddress = "b"',
      },
      {
        action: 'update',
        kind: 'Deployment',
        name: 'web',
        toml: '[[deployment]]\nname = "web"\n[deployment.config]',
      },
      { action: 'delete', kind: 'Deployment', name: 'db' },
    ]);
    expect(written).toEqual([
      {
        path: 'servers.toml',
        contents: '[[server]]\nname = "prod"\n[server.config]\naddress = "b"\n',
      },
      { path: 'apps/db.toml', contents: '[[deployment]]\nname = "api"\n' },
    ]);
  });
});
