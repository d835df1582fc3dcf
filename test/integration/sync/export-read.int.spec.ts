import {
  type ConfigOf,
  defaultAwsBuilderConfig,
  defaultAwsServerTemplateConfig,
  type ExportNames,
  KIND_SPECS,
  renderResourceToml,
  renderResourcesToml,
  type Resource,
  type ResourceKind,
  type UserGroup,
} from '@monitor/domain';
import { readSyncFiles } from '../../../apps/sync/src/reading';

/**
 * Export, then read with the sync's reader: no problem at any line, and what is read exports
 * again to the same text (so a plan against the exported resources has nothing to change).
 */

const NAMES: Record<string, string> = {
  s1: 'server-01', b1: 'test_logger', bl: 'builder-01', r1: 'repo-1', d1: 'dep-1', u1: 'mbecker20',
}; // prettier-ignore
/** Ids to names; a name (what the reader gives back) stands for itself. */
const names: ExportNames = {
  resource: (_kind, id) => NAMES[id] ?? (Object.values(NAMES).includes(id) ? id : undefined),
  tag: (id) => NAMES[id],
  user: (id) => NAMES[id] ?? id,
};

function resource<K extends ResourceKind>(kind: K, name: string, config: Partial<ConfigOf<K>>) {
  return {
    kind, id: name, name, description: `the ${name}`, tags: [],
    config: { ...KIND_SPECS[kind].defaults(), ...config },
    basePermission: 'None', createdAt: 0, updatedAt: 0, revision: 0, configWriter: '',
  } as Resource; // prettier-ignore
}

const RESOURCES: Resource[] = [
  resource('Server', 'server-01', {
    address: 'https://10.0.0.1:8120',
    enabled: true,
    passkey: 'secret',
    ignore_mounts: ['/a'],
  }),
  resource('Deployment', 'dep-1', {
    server_id: 's1',
    image: { type: 'Build', params: { build_id: 'b1', version: { major: 1, minor: 2, patch: 3 } } },
    environment: 'A = 1\nPATH_ON_WINDOWS = C:\\data\n',
    restart: 'always',
    network: '',
  }),
  resource('Stack', 'stack-1', {
    server_id: 's1',
    file_paths: ['a.yaml', 'b.yaml'],
    repo: 'me/x',
    webhook_secret: 'w',
  }),
  resource('Build', 'test_logger', {
    builder_id: 'bl', version: { major: 1, minor: 0, patch: 0 }, auto_increment_version: false, linked_repo: 'r1',
  }), // prettier-ignore
  resource('Repo', 'repo-1', {
    server_id: 's1',
    repo: 'me/r',
    on_pull: { path: '.', command: 'make\nmake install', shell_mode: false },
  }),
  resource('Builder', 'builder-01', {
    type: 'Aws',
    params: {
      ...defaultAwsBuilderConfig(),
      region: 'us-east-2',
      security_group_ids: ['sg-0123456789abcdef0'],
    },
  }),
  resource('Procedure', 'proc-1', {
    schedule: 'Every day at 01:00',
    stages: [
      {
        name: 'build, then deploy',
        enabled: true,
        executions: [
          { execution: { type: 'RunBuild', params: { build: 'b1' } }, enabled: true },
          { execution: { type: 'Deploy', params: { deployment: 'd1' } }, enabled: false },
        ],
      },
    ],
  }),
  resource('Action', 'act-1', {
    file_contents: 'console.log("hi \\\\ there")\n',
    run_at_startup: true,
  }),
  resource('Alerter', 'alerter-1', {
    enabled: true,
    endpoint: { type: 'Discord', params: { url: 'https://discord.com/api/webhooks/1/secret' } },
    alert_types: ['ServerCpu', 'StackStateChange'],
    resources: [{ type: 'Server', id: 's1' }],
  }),
  resource('ResourceSync', 'sync-1', {
    repo: 'me/infra',
    resource_path: ['a.toml'],
    include_variables: true,
  }),
  resource('ServerTemplate', 'template-1', {
    type: 'Aws',
    params: { ...defaultAwsServerTemplateConfig(), region: 'eu-west-1' },
  }),
];

const GROUP: UserGroup = {
  id: 'g1',
  name: 'ops',
  everyone: false,
  users: ['u1'],
  grants: {
    all: { Server: 'Read' },
    resources: { 'Server/s1': 'Write' },
    specific: { all: {}, resources: {} },
  },
};

/** What the files say, over the defaults: how a plan sees the declared resource. */
function asDeclared(original: Resource, config: Record<string, unknown>): Resource {
  const defaults = KIND_SPECS[original.kind].defaults() as Record<string, unknown>;
  const awsParams: Partial<Record<ResourceKind, object>> = {
    Builder: defaultAwsBuilderConfig(),
    ServerTemplate: defaultAwsServerTemplateConfig(),
  };
  const params = awsParams[original.kind];
  const merged = params
    ? { ...config, params: { ...params, ...(config.params as object) } }
    : { ...defaults, ...config };
  return { ...original, config: merged as never };
}

describe('export, then read with the sync reader', () => {
  it('reads with no problem, and exports again to the same text', () => {
    const toml = renderResourcesToml(
      {
        resources: RESOURCES,
        variables: [{ name: 'V', value: 'x', description: '', isSecret: false }],
        userGroups: [GROUP],
      },
      names,
    );
    const { declared, problems } = readSyncFiles([{ path: 'all.toml', contents: toml }], {
      exists: () => true,
    });
    expect(problems).toEqual([]);
    expect(declared.resources.map((r) => r.name).sort()).toEqual(
      RESOURCES.map((r) => r.name).sort(),
    );
    for (const original of RESOURCES) {
      const read = declared.resources.find((r) => r.name === original.name);
      expect(read?.kind).toBe(original.kind);
      const again = asDeclared(original, read?.config ?? {});
      expect(renderResourceToml(again, names)).toBe(renderResourceToml(original, names));
    }
    expect(declared.variables).toMatchObject([{ name: 'V', value: 'x' }]);
    expect(declared.userGroups).toMatchObject([
      { name: 'ops', users: ['mbecker20'], all: { Server: 'Read' } },
    ]);
  });
});
