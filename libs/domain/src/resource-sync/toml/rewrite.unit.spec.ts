import { parse } from 'smol-toml';
import type { ResourceKind } from '../../kinds';
import { KIND_SPECS, type ConfigOf } from '../../resources/configs/registry';
import type { Resource } from '../../resources/lifecycle/state';
import { DomainError } from '../../shared/domain-error';
import type { ExportNames } from './config-view';
import { renderResourceToml } from './render-resource';
import { renderVariableToml } from './render-variable';
import { rewriteSyncFile } from './rewrite';

/** CommitSync on a three-file repository with comments: one change per file, the rest kept. */

const names: ExportNames = {
  resource: (_kind, id) => id,
  tag: (id) => id,
  user: (id) => id,
};

function resource<K extends ResourceKind>(
  kind: K,
  name: string,
  config: Partial<ConfigOf<K>>,
  more: Partial<Resource> = {},
) {
  return {
    kind, id: name, name, description: '', tags: [],
    config: { ...KIND_SPECS[kind].defaults(), ...config },
    basePermission: 'None', createdAt: 0, updatedAt: 0, revision: 0, configWriter: '', ...more,
  } as Resource; // prettier-ignore
}

const SERVERS = `# Servers of the lab. Keep in sync with the DNS zone.
[[server]] # the big one
name = "server-prod"
description = "the prod server"
tags = ["prod"]
[server.config]
# The agent listens here
address = "https://10.0.0.1:8120"
region = "AshburnDc1"
enabled = true # default: false
# Alert when the disk fills
send_disk_alerts = true

##

# Where the tests run
[[server]]
name = "server-dev"
[server.config]
address = "https://10.0.0.2:8120"
enabled = true

## end of servers
`;

const APPS = `[[deployment]]
name = "web"
deploy = true
[deployment.config]
server = "server-prod"
image.type = "Image"
image.params.image = "nginx:1.27"
# Set the environment variables
environment = """
# Comments supported
PORT = 8080
"""

##

[[stack]]
name = "mongo"
[stack.config]
server = "server-prod"
file_paths = ["mongo.yaml"] # the only file
repo = "me/stacks"

##

[[procedure]]
name = "nightly"
description = "Build then deploy"

[[procedure.config.stage]]
name = "Build"
executions = [
  # the api first
  { execution.type = "RunBuild", execution.params.build = "api" },
]
`;

const ACCESS = `## Variables and groups

[[variable]]
name = "DOMAIN"
value = "example.org"

[[variable]]
# rotated every month
name = "TOKEN"
is_secret = true

[[user_group]]
name = "ops"
users = ["alice"]
all.Server = "Read"
`;

/** The text outside [from, to) of `before` is the text outside the same place in `after`. */
function expectKeptAround(before: string, after: string, block: string) {
  const from = before.indexOf(block);
  expect(from).toBeGreaterThanOrEqual(0);
  const suffix = before.slice(from + block.length);
  expect(after.startsWith(before.slice(0, from))).toBe(true);
  expect(after.endsWith(suffix)).toBe(true);
}

describe('rewriteSyncFile on a three-file repository', () => {
  it('servers.toml: an updated server keeps its comments and its neighbour byte for byte', () => {
    const next = resource(
      'Server',
      'server-prod',
      {
        address: 'https://10.0.0.1:8120',
        region: 'Frankfurt',
        enabled: true,
        send_disk_alerts: true,
      },
      { description: 'the prod server', tags: ['prod'] },
    );
    const block = SERVERS.slice(SERVERS.indexOf('[[server]]'), SERVERS.indexOf('\n\n##'));
    const out = rewriteSyncFile(SERVERS, [
      {
        action: 'update',
        kind: 'Server',
        name: 'server-prod',
        toml: renderResourceToml(next, names),
      },
    ]);
    expectKeptAround(SERVERS, out, block);
    expect(out).toContain('[[server]] # the big one\n');
    expect(out).toContain(
      '# The agent listens here\naddress = "https://10.0.0.1:8120"\nregion = "Frankfurt"\nenabled = true # default: false\n',
    );
    // The file set a default the export leaves out: the comment above that key goes with it.
    expect(out).not.toContain('Alert when the disk fills');
    const parsed = parse(out) as { server: { name: string; config: Record<string, unknown> }[] };
    expect(parsed.server.map((s) => s.name)).toEqual(['server-prod', 'server-dev']);
    expect(parsed.server[0].config).toEqual({
      address: 'https://10.0.0.1:8120',
      region: 'Frankfurt',
      enabled: true,
    });
  });

  it('apps.toml: an updated stack, the deployment and procedure around it untouched', () => {
    const next = resource('Stack', 'mongo', {
      server_id: 'server-prod',
      file_paths: ['mongo.yaml', 'redis.yaml'],
      repo: 'me/stacks',
    });
    const block = APPS.slice(APPS.indexOf('[[stack]]'), APPS.indexOf('\n\n##\n\n[[procedure]]'));
    const out = rewriteSyncFile(APPS, [
      { action: 'update', kind: 'Stack', name: 'mongo', toml: renderResourceToml(next, names) },
    ]);
    expectKeptAround(APPS, out, block);
    // A changed line keeps its trailing comment.
    expect(out).toContain('file_paths = ["mongo.yaml", "redis.yaml"] # the only file\n');
    expect((parse(out) as { stack: { config: unknown }[] }).stack[0].config).toEqual({
      server: 'server-prod',
      file_paths: ['mongo.yaml', 'redis.yaml'],
      repo: 'me/stacks',
    });
  });

  it('access.toml: an updated variable; the secret one and the group stay as written', () => {
    const out = rewriteSyncFile(ACCESS, [
      {
        action: 'update',
        kind: 'Variable',
        name: 'DOMAIN',
        toml: renderVariableToml({
          name: 'DOMAIN',
          value: 'example.com',
          description: '',
          isSecret: false,
        }),
      },
    ]);
    expectKeptAround(ACCESS, out, '[[variable]]\nname = "DOMAIN"\nvalue = "example.org"');
    expect(out).toContain(
      '[[variable]]\nname = "DOMAIN"\nvalue = "example.com"\nis_secret = false\n\n[[variable]]\n# rotated',
    );
  });

  it('keeps a block that already reads as the new text, whatever its layout', () => {
    const web = resource('Deployment', 'web', {
      server_id: 'server-prod',
      image: { type: 'Image', params: { image: 'nginx:1.27' } },
      environment: '# Comments supported\nPORT = 8080\n',
    });
    const toml = renderResourceToml(web, names, { deploy: true });
    expect(
      rewriteSyncFile(APPS, [{ action: 'update', kind: 'Deployment', name: 'web', toml }]),
    ).toBe(APPS);
  });

  it("keeps an entry that spells out Komodo's defaults (tags = [], is_secret = false)", () => {
    const file =
      '[[builder]]\nname = "b"\ntags = []\ndescription = ""\n[builder.config]\ntype = "Url"\nparams = {}\n';
    const toml = renderResourceToml(resource('Builder', 'b', {}), names);
    expect(rewriteSyncFile(file, [{ action: 'update', kind: 'Builder', name: 'b', toml }])).toBe(
      file,
    );
    const variable = '[[variable]]\nname = "A"\nvalue = "1"\n';
    const same = renderVariableToml({ name: 'A', value: '1', description: '', isSecret: false });
    expect(
      rewriteSyncFile(variable, [{ action: 'update', kind: 'Variable', name: 'A', toml: same }]),
    ).toBe(variable);
  });

  it('keeps unchanged lines as written, comments inside their values included', () => {
    const nightly = resource(
      'Procedure',
      'nightly',
      {
        schedule: 'Every day at 02:00',
        stages: [
          {
            name: 'Build',
            enabled: true,
            executions: [
              { execution: { type: 'RunBuild', params: { build: 'api' } }, enabled: true },
            ],
          },
        ],
      },
      { description: 'Build then deploy' },
    );
    const out = rewriteSyncFile(APPS, [
      {
        action: 'update',
        kind: 'Procedure',
        name: 'nightly',
        toml: renderResourceToml(nightly, names),
      },
    ]);
    expect(out.startsWith(APPS.slice(0, APPS.indexOf('[[procedure]]')))).toBe(true);
    expect(out).toContain('config.schedule = "Every day at 02:00"');
    const parsed = parse(out) as { procedure: { config: { stage: { enabled: boolean }[] } }[] };
    expect(parsed.procedure[0].config.stage[0].enabled).toBe(true);
  });
});

describe('creating and deleting', () => {
  const dev = () =>
    renderResourceToml(
      resource('Server', 'server-qa', { address: 'https://10.0.0.3:8120' }),
      names,
    );

  it('deletes an entry with its comments above and one separator', () => {
    const out = rewriteSyncFile(SERVERS, [
      { action: 'delete', kind: 'Server', name: 'server-dev' },
    ]);
    expect(out).toBe(
      SERVERS.replace(
        '\n##\n\n# Where the tests run\n[[server]]\nname = "server-dev"\n[server.config]\naddress = "https://10.0.0.2:8120"\nenabled = true\n',
        '',
      ),
    );
    expect((parse(out) as { server: unknown[] }).server).toHaveLength(1);
  });

  it('deletes the first entry of a file, and the separator after it', () => {
    const out = rewriteSyncFile(APPS, [{ action: 'delete', kind: 'Deployment', name: 'web' }]);
    expect(out.startsWith('[[stack]]\nname = "mongo"')).toBe(true);
  });

  it('adds a new entry after the last one of its kind, else at the end', () => {
    const out = rewriteSyncFile(SERVERS, [
      { action: 'create', kind: 'Server', name: 'server-qa', toml: dev() },
    ]);
    expect(out).toContain(
      'enabled = true\n\n##\n\n[[server]]\nname = "server-qa"\n[server.config]\naddress = "https://10.0.0.3:8120"\n\n## end of servers\n',
    );
    const more = rewriteSyncFile(ACCESS, [
      { action: 'create', kind: 'Server', name: 'server-qa', toml: dev() },
    ]);
    expect(more).toBe(`${ACCESS}\n##\n\n${dev()}\n`);
    expect(
      rewriteSyncFile('', [{ action: 'create', kind: 'Server', name: 'server-qa', toml: dev() }]),
    ).toBe(`${dev()}\n`);
  });

  it('writes CRLF into a CRLF file, keeping its lines', () => {
    const crlf = SERVERS.replaceAll('\n', '\r\n');
    const next = resource('Server', 'server-dev', {
      address: 'https://10.0.0.2:8120',
      enabled: true,
      ignore_mounts: ['/a', '/b'],
    });
    const out = rewriteSyncFile(crlf, [
      {
        action: 'update',
        kind: 'Server',
        name: 'server-dev',
        toml: renderResourceToml(next, names),
      },
      { action: 'create', kind: 'Server', name: 'server-qa', toml: dev() },
    ]);
    expect(out).not.toMatch(/[^\r]\n/);
    expect(out.startsWith(crlf.slice(0, crlf.indexOf('[[server]]\r\nname = "server-dev"')))).toBe(
      true,
    );
    const servers = (parse(out) as { server: { name: string; config: object }[] }).server;
    expect(servers.map((s) => s.name)).toEqual(['server-prod', 'server-dev', 'server-qa']);
    expect(servers[1].config).toMatchObject({ ignore_mounts: ['/a', '/b'] });
  });

  it("writes under the table name the file uses ('servers')", () => {
    const file = '[[servers]]\nname = "a"\n[servers.config]\naddress = "x"\n';
    const toml = renderResourceToml(resource('Server', 'a', { address: 'y' }), names);
    const out = rewriteSyncFile(file, [
      { action: 'update', kind: 'Server', name: 'a', toml },
      { action: 'create', kind: 'Server', name: 'server-qa', toml: dev() },
    ]);
    expect(out).not.toMatch(/\[\[server\]\]|\[server\./);
    expect((parse(out) as { servers: unknown[] }).servers).toHaveLength(2);
  });

  it('writes several new entries into an empty file, apart by separators', () => {
    const qa = dev();
    const other = renderResourceToml(resource('Server', 'server-qb', { address: 'b' }), names);
    const out = rewriteSyncFile('', [
      { action: 'create', kind: 'Server', name: 'server-qa', toml: qa },
      { action: 'create', kind: 'Server', name: 'server-qb', toml: other },
    ]);
    expect(out).toBe(`${qa}\n\n##\n\n${other}\n`);
  });

  it('deletes two neighbours, the first entry among them, leaving the rest whole', () => {
    const out = rewriteSyncFile(APPS, [
      { action: 'delete', kind: 'Deployment', name: 'web' },
      { action: 'delete', kind: 'Stack', name: 'mongo' },
    ]);
    expect(out).toBe(APPS.slice(APPS.indexOf('[[procedure]]')));
  });

  it('refuses to update or delete what the file does not declare, or to declare a name twice', () => {
    const update = () =>
      rewriteSyncFile(SERVERS, [{ action: 'update', kind: 'Server', name: 'nope', toml: dev() }]);
    expect(update).toThrow(DomainError);
    expect(update).toThrow("Server 'nope' is not declared in this file");
    const twice = () =>
      rewriteSyncFile(SERVERS, [
        { action: 'create', kind: 'Server', name: 'server-dev', toml: dev() },
      ]);
    expect(twice).toThrow("Server 'server-dev' is already declared in this file");
    const again = () =>
      rewriteSyncFile(SERVERS, [
        { action: 'delete', kind: 'Server', name: 'server-dev' },
        { action: 'update', kind: 'Server', name: 'server-dev', toml: dev() },
      ]);
    expect(again).toThrow("Server 'server-dev' is changed twice in one write");
  });
});
