import {
  defaultResourceSyncConfig,
  type ExportNames,
  type Resource,
  type ResourceSyncConfig,
} from '@monitor/domain';
import {
  declared,
  declaredGroup,
  declaredVariable,
  existing,
  group,
  planOf,
  SYNC_ID,
  variable,
  type Given,
} from '../../../../libs/domain/src/resource-sync/plan/plan.fixtures';
import { commitChanges } from './commit-changes';

const TAGS: Record<string, string> = { 'tag-prod': 'prod' };
const names: ExportNames = {
  resource: (_kind, id) => id.slice(id.indexOf('-') + 1),
  tag: (id) => TAGS[id],
  user: (id) => id,
};

const sync = (config: Partial<ResourceSyncConfig> = {}) =>
  existing('ResourceSync', 'self', {
    ...defaultResourceSyncConfig(),
    repo: 'acme/setup',
    managed: true,
    include_variables: true,
    include_user_groups: true,
    ...config,
  }) as Resource<'ResourceSync'>;

/** Given what exists and what is declared, when committing: `<action> <kind> <name>` lines. */
function commit(given: Given, readable: (r: Resource) => boolean = () => true) {
  const self = { ...sync(given.config), id: SYNC_ID };
  const decl = { resources: [], variables: [], userGroups: [], ...given.declared };
  const decided = commitChanges({
    sync: self,
    declared: decl,
    plan: planOf({ ...given, config: { ...self.config, ...given.config } }),
    resources: [...(given.resources ?? []), self],
    variables: given.variables ?? [],
    userGroups: given.userGroups ?? [],
    names,
    access: { can: readable, groups: () => given.userGroups ?? [] },
  });
  return {
    lines: decided.changes.map((c) => `${c.action} ${c.kind} ${c.name}`),
    kept: decided.kept,
    changes: decided.changes,
  };
}

describe('commitChanges: what CommitSync writes into the files', () => {
  it('leaves an entry the plan would not change; updates one it would; never the sync itself', () => {
    const { lines, changes } = commit({
      resources: [
        existing('Server', 'same', { address: 'https://same:8120' }),
        existing('Server', 'moved', { address: 'https://new:8120' }),
      ],
      declared: {
        resources: [
          declared('Server', 'same', { address: 'https://same:8120' }),
          declared('Server', 'moved', { address: 'https://old:8120' }),
        ],
      },
    });
    expect(lines).toEqual(['update Server moved']);
    expect(changes[0]).toMatchObject({ toml: expect.stringContaining('https://new:8120') });
  });

  it('adds what exists undeclared in scope (match_tags), removes what is declared and gone', () => {
    const { lines } = commit({
      config: { match_tags: ['prod'] },
      tags: [{ id: 'tag-prod', name: 'prod' }],
      resources: [
        existing('Server', 'tagged', {}, { tags: ['tag-prod'] }),
        existing('Server', 'untagged'),
      ],
      declared: { resources: [declared('Server', 'gone', {}, { tags: ['prod'] })] },
    });
    expect(lines.sort()).toEqual(['create Server tagged', 'delete Server gone']);
  });

  it('leaves out syncs holding their own files, and keeps the deploy/after a file gave', () => {
    const { lines, changes } = commit({
      resources: [
        existing('ResourceSync', 'ui', { file_contents: '[[server]]' }),
        existing('Deployment', 'web', { image: { type: 'Image', params: { image: 'a:2' } } }),
      ],
      declared: {
        resources: [
          declared(
            'Deployment',
            'web',
            { image: { type: 'Image', params: { image: 'a:1' } } },
            { deploy: true, after: ['db'] },
          ),
        ],
      },
    });
    expect(lines).toEqual(['update Deployment web']);
    expect(changes[0]).toMatchObject({
      toml: expect.stringMatching(/deploy = true\nafter = \["db"\]/),
    });
  });

  it('variables and groups as the sync includes them: a secret written without its value', () => {
    const { lines, changes } = commit({
      variables: [
        variable('PLAIN', 'x'),
        variable('KEY', { sealed: 's3cret' }, { isSecret: true }),
      ],
      userGroups: [group('ops')],
      declared: {
        variables: [declaredVariable('OLD', { value: 'y' })],
        userGroups: [declaredGroup('ops')],
      },
    });
    expect(lines.sort()).toEqual([
      'create Variable KEY',
      'create Variable PLAIN',
      'delete Variable OLD',
    ]);
    expect(JSON.stringify(changes)).not.toContain('s3cret');
    expect(
      commit({ config: { include_variables: false }, variables: [variable('A', 'x')] }).lines,
    ).toEqual([]);
  });

  it('an entry the caller may not read is left as written, and said so', () => {
    const { lines, kept } = commit(
      {
        resources: [existing('Server', 'secret-box'), existing('Server', 'open')],
        userGroups: [group('admins')],
      },
      (r) => r.name !== 'secret-box',
    );
    expect(lines).toEqual(['create Server open', 'create UserGroup admins']);
    expect(kept).toEqual(["Server 'secret-box': no Read permission, left as written"]);
  });
});
