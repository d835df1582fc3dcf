import { parse } from 'smol-toml';
import type { ResourceKind } from '../../kinds';
import type { UserGroup } from '../../identity/user-group';
import { defaultAwsBuilderConfig } from '../../builder/builder.config';
import { defaultHetznerServerTemplateConfig } from '../../server-template/server-template.config';
import { KIND_SPECS, type ConfigOf } from '../../resources/configs/registry';
import type { Resource } from '../../resources/lifecycle/state';
import type { DeclaredSet } from '../declared';
import type { ExportNames } from './config-view';
import { renderResourceToml } from './render-resource';
import { renderResourcesToml } from './render-set';
import { renderUserGroupToml } from './render-user-group';
import { renderVariableToml } from './render-variable';

/**
 * Komodo's layout, on the examples of its docs (docsite/docs/automate/sync-resources.md):
 * what its ExportResourcesToToml writes for those resources.
 */

const NAMES: Record<string, string> = {
  s1: 'server-01', b1: 'test_logger', d1: 'test-logger-01', r1: 'komodo-periphery',
  t1: 'test', t2: 'prod', u1: 'mbecker20', u2: 'karamvirsingh98', a1: 'slack',
}; // prettier-ignore
const names: ExportNames = {
  resource: (_kind, id) => NAMES[id],
  tag: (id) => NAMES[id],
  user: (id) => NAMES[id],
};

function resource<K extends ResourceKind>(
  kind: K,
  name: string,
  config: Partial<ConfigOf<K>>,
  more: Partial<Resource> = {},
): Resource {
  return {
    kind, id: `${name}-id`, name, description: '', tags: [],
    config: { ...KIND_SPECS[kind].defaults(), ...config },
    basePermission: 'None', createdAt: 0, updatedAt: 0, revision: 0, configWriter: '', ...more,
  } as Resource; // prettier-ignore
}

const testLogger02 = resource(
  'Deployment',
  'test-logger-02',
  {
    server_id: 's1',
    image: { type: 'Build', params: { build_id: 'b1', version: { major: 0, minor: 0, patch: 0 } } },
    volumes: '/data/logs = /etc/logs\n/data/config = /etc/config',
    environment: 'VARIABLE_1 = value_1\nVARIABLE_2 = value_2\n',
    labels: 'deployment.type = logger',
  },
  { description: 'test logger deployment 2', tags: ['t1'] },
);

describe('renderResourceToml', () => {
  it('writes a deployment as Komodo: meta, then [deployment.config] without defaults', () => {
    const toml = renderResourceToml(testLogger02, names, {
      deploy: true,
      after: ['test-logger-01'],
    });
    const docs = [
      '[[deployment]]',
      'name = "test-logger-02"',
      'description = "test logger deployment 2"',
      'tags = ["test"]',
      'deploy = true',
      'after = ["test-logger-01"]',
      '[deployment.config]',
      'server = "server-01"',
      'image.type = "Build"',
      'image.params.build = "test_logger"',
      'volumes = """',
      '/data/logs = /etc/logs',
      '/data/config = /etc/config"""',
      'environment = """',
      'VARIABLE_1 = value_1',
      'VARIABLE_2 = value_2',
      '"""',
      'labels = "deployment.type = logger"',
    ].join('\n');
    expect(toml).toBe(docs);
  });

  it('writes a version only when it is set, as text', () => {
    const pinned = resource('Deployment', 'd', {
      image: {
        type: 'Build',
        params: { build_id: 'b1', version: { major: 1, minor: 2, patch: 3 } },
      },
    });
    expect(renderResourceToml(pinned, names)).toContain('image.params.version = "1.2.3"');
    const counting = resource('Build', 'b', { version: { major: 2, minor: 0, patch: 1 } });
    expect(renderResourceToml(counting, names)).not.toContain('version');
    const fixed = resource('Build', 'b', {
      version: { major: 2, minor: 0, patch: 1 },
      auto_increment_version: false,
    });
    expect(renderResourceToml(fixed, names)).toContain(
      'version = "2.0.1"\nauto_increment_version = false',
    );
  });

  it('leaves every secret value out', () => {
    const server = resource('Server', 'server-prod', {
      address: 'http://localhost:8120',
      passkey: 'hunter2',
    });
    const alerter = resource('Alerter', 'slack', {
      enabled: true,
      endpoint: { type: 'Slack', params: { url: 'https://hooks.slack.com/services/SECRET' } },
    });
    const builder = resource('Builder', 'b', {
      type: 'Aws',
      params: {
        ...defaultAwsBuilderConfig(),
        git_providers: [
          {
            domain: 'github.com',
            https: true,
            accounts: [{ username: 'me', token: 'ghp_SECRET' }],
          },
        ],
      },
    });
    const stack = resource('Stack', 's', { webhook_secret: 'whsec_SECRET', repo: 'me/app' });
    const all = [server, alerter, builder, stack]
      .map((r) => renderResourceToml(r, names))
      .join('\n');
    expect(all).not.toMatch(/hunter2|SECRET/);
    expect(all).toContain('endpoint.type = "Slack"');
    expect(all).toContain(
      'params.git_providers = [\n  { domain = "github.com", https = true, accounts = [{ username = "me" }] }\n]',
    );
  });

  it('writes a procedure config in dotted keys and each stage as [[procedure.config.stage]]', () => {
    const procedure = resource(
      'Procedure',
      'test-procedure',
      {
        schedule: 'Every day at 01:00',
        stages: [
          {
            name: 'Build stuff',
            enabled: true,
            executions: [
              { execution: { type: 'RunBuild', params: { build: 'b1' } }, enabled: true },
              {
                execution: { type: 'BatchRunBuild', params: { pattern: 'foo-* , \\^bar-.*$\\' } },
                enabled: true,
              },
            ],
          },
          {
            name: 'Deploy',
            enabled: false,
            executions: [{ execution: { type: 'None', params: {} }, enabled: true }],
          },
        ],
      },
      { description: 'Do some things in a specific order', tags: ['t1'] },
    );
    expect(renderResourceToml(procedure, names)).toBe(
      [
        '[[procedure]]',
        'name = "test-procedure"',
        'description = "Do some things in a specific order"',
        'tags = ["test"]',
        'config.schedule = "Every day at 01:00"',
        '',
        '[[procedure.config.stage]]',
        'name = "Build stuff"',
        'enabled = true',
        'executions = [',
        '  { execution.type = "RunBuild", execution.params.build = "test_logger", enabled = true },',
        '  { execution.type = "BatchRunBuild", execution.params.pattern = "foo-* , \\\\^bar-.*$\\\\", enabled = true }',
        ']',
        '',
        '[[procedure.config.stage]]',
        'name = "Deploy"',
        'enabled = false',
        'executions = [',
        '  { execution.type = "None", execution.params = {}, enabled = true }',
        ']',
      ].join('\n'),
    );
  });

  it('writes a builder as type and params, `params = {}` when all are default', () => {
    const aws = resource('Builder', 'builder-01', {
      type: 'Aws',
      params: {
        ...defaultAwsBuilderConfig(),
        region: 'us-east-2',
        assign_public_ip: true,
        security_group_ids: ['sg-xxxxxxxxxxxxxxxxxx', 'sg-xxxxxxxxxxxxxxxxxx'],
      },
    });
    expect(renderResourceToml(aws, names)).toBe(
      '[[builder]]\nname = "builder-01"\n[builder.config]\ntype = "Aws"\nparams.region = "us-east-2"\nparams.assign_public_ip = true\nparams.security_group_ids = [\n  "sg-xxxxxxxxxxxxxxxxxx",\n  "sg-xxxxxxxxxxxxxxxxxx"\n]',
    );
    const url = resource('Builder', 'plain', {});
    expect(renderResourceToml(url, names)).toBe(
      '[[builder]]\nname = "plain"\n[builder.config]\ntype = "Url"\nparams = {}',
    );
    const servers = resource('Builder', 'on-servers', {
      type: 'Server',
      params: { server_ids: ['s1'] },
    });
    expect(renderResourceToml(servers, names)).toContain('params.servers = ["server-01"]');
  });

  it("writes fields in Komodo's order, whatever order the config holds them in", () => {
    const reversed = (value: unknown): unknown =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reversed(v)]),
          )
        : value;
    const shuffled = { ...testLogger02, config: reversed(testLogger02.config) as never };
    expect(renderResourceToml(shuffled, names)).toBe(renderResourceToml(testLogger02, names));
  });

  it("writes map keys named like Object's own fields (a label 'toString')", () => {
    const labels = JSON.parse('{"toString":"a","constructor":"","__proto__":"c","x y":"d"}');
    const template = resource('ServerTemplate', 't', {
      type: 'Hetzner',
      params: { ...defaultHetznerServerTemplateConfig(), labels },
    });
    const toml = renderResourceToml(template, names);
    const read = parse(toml) as { server_template: { config: { params: { labels: object } } }[] };
    expect({ ...read.server_template[0].config.params.labels }).toEqual(
      JSON.parse('{"toString":"a","constructor":"","__proto__":"c","x y":"d"}'),
    );
  });

  it('keeps a label whose value is empty: in a map of strings it is a value, not a default', () => {
    const labels = { team: '', env: 'prod' };
    const volumes = [{ name: 'data', size_gb: 10, format: 'Xfs' as const, labels: { backup: '' } }];
    const template = resource('ServerTemplate', 't', {
      type: 'Hetzner',
      params: { ...defaultHetznerServerTemplateConfig(), labels, volumes },
    });
    const read = parse(renderResourceToml(template, names)) as {
      server_template: { config: { params: { labels: object; volumes: object[] } } }[];
    };
    expect(read.server_template[0].config.params.labels).toEqual(labels);
    expect(read.server_template[0].config.params.volumes).toEqual(volumes);
  });

  it('leaves the resource it renders as it was', () => {
    const freeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) {
        Object.values(value).forEach(freeze);
        Object.freeze(value);
      }
      return value;
    };
    const builder = resource('Builder', 'b', {
      type: 'Server',
      params: { server_ids: ['s1'] },
    });
    const alerter = resource('Alerter', 'a', {
      endpoint: { type: 'Slack', params: { url: 'https://hooks.slack.com/x' } },
      resources: [{ type: 'Server', id: 's1' }],
    });
    for (const frozen of [testLogger02, builder, alerter].map(freeze))
      expect(() => renderResourceToml(frozen, names)).not.toThrow();
    expect(testLogger02.config).toMatchObject({ server_id: 's1' });
  });

  it('keeps an empty string whose default is not empty (Komodo would drop it, and lose it)', () => {
    const toml = renderResourceToml(resource('Deployment', 'd', { network: '' }), names);
    expect(toml).toContain('network = ""');
  });
});

describe('variables and user groups', () => {
  it('writes a variable, a secret one without its value', () => {
    expect(
      renderVariableToml({
        name: 'OTLP_ENDPOINT',
        value: 'http://localhost:4317',
        description: '',
        isSecret: false,
      }),
    ).toBe(
      '[[variable]]\nname = "OTLP_ENDPOINT"\nvalue = "http://localhost:4317"\nis_secret = false',
    );
    expect(
      renderVariableToml({
        name: 'TOKEN',
        value: { sealed: 'x' },
        description: 'api',
        isSecret: true,
      }),
    ).toBe('[[variable]]\nname = "TOKEN"\ndescription = "api"\nis_secret = true');
  });

  it("writes a user group as Komodo's docs show it", () => {
    const group: UserGroup = {
      id: 'g1',
      name: 'groupo',
      everyone: false,
      users: ['u1', 'u2', 'gone'],
      grants: {
        all: { Server: 'Write', Build: 'Execute', Builder: 'Read' },
        resources: { 'Repo/r1': 'Execute', 'Deployment/d1': 'Execute', 'Server/s1': 'None' },
        specific: {
          all: {
            Server: ['Attach', 'Logs', 'Inspect', 'Terminal', 'Processes'],
            Builder: ['Attach'],
          },
          resources: { 'Server/s1': ['Logs'] },
        },
      },
    };
    expect(renderUserGroupToml(group, names)).toBe(
      [
        '[[user_group]]',
        'name = "groupo"',
        'users = ["karamvirsingh98", "mbecker20"]',
        'all.Server = { level = "Write", specific = ["Attach", "Logs", "Inspect", "Terminal", "Processes"] }',
        'all.Build = "Execute"',
        'all.Builder = { level = "Read", specific = ["Attach"] }',
        'permissions = [',
        '  { target.type = "Server", target.id = "server-01", level = "None", specific = ["Logs"] },',
        '  { target.type = "Deployment", target.id = "test-logger-01", level = "Execute" },',
        '  { target.type = "Repo", target.id = "komodo-periphery", level = "Execute" }',
        ']',
      ].join('\n'),
    );
  });
});

describe('renderResourcesToml', () => {
  it("orders kinds as Komodo, then names, then variables and groups, apart by '##'", () => {
    const set = {
      resources: [
        resource('Deployment', 'b-dep', {}),
        resource('Server', 'srv', {}),
        resource('Deployment', 'a-dep', {}),
        resource('ResourceSync', 'ui-sync', { file_contents: '[[server]]' }),
        resource('ResourceSync', 'git-sync', { repo: 'me/infra' }),
      ],
      variables: [
        { name: 'B', value: '2', description: '', isSecret: false },
        { name: 'A', value: '1', description: '', isSecret: false },
      ],
    };
    const existing: DeclaredSet = {
      resources: [
        {
          kind: 'Deployment',
          name: 'a-dep',
          deploy: true,
          after: ['b-dep'],
          config: {},
          source: { file: 'f.toml', line: 1 },
          lines: {},
        },
      ],
      variables: [],
      userGroups: [],
    };
    const toml = renderResourcesToml(set, names, existing);
    const heads = toml.split('\n\n##\n\n').map((entry) => entry.split('\n').slice(0, 2).join(' '));
    expect(heads).toEqual([
      '[[server]] name = "srv"',
      '[[deployment]] name = "a-dep"',
      '[[deployment]] name = "b-dep"',
      '[[resource_sync]] name = "git-sync"',
      '[[variable]] name = "A"',
      '[[variable]] name = "B"',
    ]);
    const parsed = parse(toml) as { deployment: { deploy?: boolean; after?: string[] }[] };
    expect(parsed.deployment[0]).toMatchObject({ deploy: true, after: ['b-dep'] });
  });
});
