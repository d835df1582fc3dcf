import type { DeclaredResource, SyncProblem } from '@monitor/domain';
import { formatProblem, readSyncFiles } from './index';

const lines = (...text: string[]) => text.join('\n');

const read = (contents: string, matchTags?: string[]) =>
  readSyncFiles([{ path: 'a.toml', contents }], { exists: () => true, matchTags });

const errors = (problems: SyncProblem[]) =>
  problems.filter((p) => p.severity === 'error').map(formatProblem);

/** The one resource `contents` declares, read without error. */
function declared(contents: string): DeclaredResource {
  const { declared, problems } = read(contents);
  expect(errors(problems)).toEqual([]);
  expect(declared.resources).toHaveLength(1);
  return declared.resources[0];
}

describe("Komodo's aliases, stored under the field they stand for, with their line", () => {
  it.each([
    ['deployment', 'server = "s"', { server_id: 's' }],
    ['deployment', 'swarm = "w"', { swarm_id: 'w' }],
    ['stack', 'server = "s"', { server_id: 's' }],
    ['repo', 'server = "s"\nbuilder = "b"', { server_id: 's', builder_id: 'b' }],
    ['build', 'builder = "b"', { builder_id: 'b' }],
  ])('[[%s]] %s', (table, given, config) => {
    const resource = declared(lines(`[[${table}]]`, 'name = "x"', `[${table}.config]`, given));
    expect(resource.config).toEqual(config);
    Object.keys(config).forEach((field, i) =>
      expect(resource.lines[`config.${field}`]).toBe(4 + i),
    );
  });

  it.each(['server', 'server_id', 'servers'])("a Server builder's %s is server_ids", (alias) => {
    const resource = declared(
      lines(
        '[[builder]]',
        'name = "b"',
        '[builder.config]',
        'type = "Server"',
        `params.${alias} = "s1"`,
      ),
    );
    expect(resource.config).toEqual({ type: 'Server', params: { server_ids: ['s1'] } });
    expect(resource.lines['config.params.server_ids']).toBe(5);
  });

  it("a deployment's image.params.build is build_id, its version a string", () => {
    const resource = declared(
      lines(
        '[[deployment]]',
        'name = "d"',
        '[deployment.config]',
        'image.type = "Build"',
        'image.params.build = "b"',
        'image.params.version = "1.2"',
      ),
    );
    expect(resource.config.image).toEqual({
      type: 'Build',
      params: { build_id: 'b', version: { major: 1, minor: 2, patch: 0 } },
    });
    expect(resource.lines['config.image.params.build_id']).toBe(5);
  });

  it('procedure stages as [[procedure.config.stage]], executions as `execution`', () => {
    const resource = declared(
      lines(
        '[[procedure]]',
        'name = "p"',
        '[[procedure.config.stage]]',
        'name = "one"',
        'execution = [{ execution.type = "RunBuild", execution.params.build = "b" }]',
        '[[procedure.config.stage]]',
        'name = "two"',
        'enabled = false',
        'executions = [',
        '  { execution.type = "Deploy", execution.params.deployment = "d", enabled = false },',
        ']',
      ),
    );
    expect(resource.config.stages).toEqual([
      { name: 'one', executions: [{ execution: { type: 'RunBuild', params: { build: 'b' } } }] },
      {
        name: 'two',
        enabled: false,
        executions: [
          { execution: { type: 'Deploy', params: { deployment: 'd' } }, enabled: false },
        ],
      },
    ]);
    expect(resource.lines['config.stages.1.executions.0.execution.params.deployment']).toBe(10);
    expect(resource.lines['config.stages.0.executions.0']).toBe(5);
  });

  it('plural tables read as the singular ones', () => {
    const { declared: set } = read(
      lines(
        '[[deployments]]',
        'name = "d"',
        '[[resource_syncs]]',
        'name = "s"',
        'config.files_on_host = true',
      ),
    );
    expect(set.resources.map((r) => [r.kind, r.name])).toEqual([
      ['Deployment', 'd'],
      ['ResourceSync', 's'],
    ]);
  });

  it('[[server_template]] (Komodo 1.x) declares a ServerTemplate', () => {
    const resource = declared(
      lines(
        '[[server_template]]',
        'name = "t"',
        '[server_template.config]',
        'type = "Aws"',
        'params.region = "us-east-2"',
      ),
    );
    expect(resource.kind).toBe('ServerTemplate');
    expect(resource.config).toEqual({ type: 'Aws', params: { region: 'us-east-2' } });
  });

  it("an Aws builder's docker_registries (Komodo 1.x) is image_registries", () => {
    const resource = declared(
      lines(
        '[[builder]]',
        'name = "b"',
        '[builder.config]',
        'type = "Aws"',
        'params.docker_registries = [{ domain = "ghcr.io" }]',
      ),
    );
    expect(resource.config).toEqual({
      type: 'Aws',
      params: { image_registries: [{ domain: 'ghcr.io' }] },
    });
    expect(resource.lines['config.params.image_registries.0.domain']).toBe(5);
  });

  it("a user group's `permission` is its permissions", () => {
    const { declared: set, problems } = read(
      lines(
        '[[user_group]]',
        'name = "g"',
        '[[user_group.permission]]',
        'target.type = "Server"',
        'target.id = "s"',
        'level = "Read"',
      ),
    );
    expect(errors(problems)).toEqual([]);
    expect(set.userGroups[0].permissions).toEqual([
      { target: { type: 'Server', id: 's' }, level: 'Read' },
    ]);
    expect(set.userGroups[0].lines['permissions.0.level']).toBe(6);
  });
});

describe("Komodo's other forms of a field", () => {
  it.each([
    [
      'stack',
      'file_paths = "compose.yaml, extra.yaml"',
      { file_paths: ['compose.yaml', 'extra.yaml'] },
    ],
    [
      'stack',
      'ignore_services = """\n# comment\ninit\nmigrate # why\n"""',
      { ignore_services: ['init', 'migrate'] },
    ],
    [
      'stack',
      'additional_env_files = ["global.env", { path = "x.env", track = false }, { path = "y.env" }]',
      {
        additional_env_files: [
          { path: 'global.env', track: true },
          { path: 'x.env', track: false },
          { path: 'y.env', track: true },
        ],
      },
    ],
    [
      'stack',
      'config_files = [{ path = "a.yaml", requires = "restart" }, { path = "b.yaml", requires = "Redeploy" }]',
      {
        config_files: [
          { path: 'a.yaml', requires: 'Restart' },
          { path: 'b.yaml', requires: 'Redeploy' },
        ],
      },
    ],
    [
      'resource_sync',
      'files_on_host = true\nresource_path = "stacks.toml"',
      { files_on_host: true, resource_path: ['stacks.toml'] },
    ],
    [
      'server',
      'links = "https://a.example, https://b.example"',
      { links: ['https://a.example', 'https://b.example'] },
    ],
    [
      'deployment',
      'environment = [{ variable = "A", value = "1" }, { variable = "B", value = "two" }]',
      { environment: '  A = 1\n  B = two\n' },
    ],
    [
      'deployment',
      'labels = [{ variable = "traefik.enable", value = "true" }]',
      { labels: '  traefik.enable: true\n' },
    ],
    ['deployment', 'ports = [{ local = "8080", container = "80" }]', { ports: '  8080: 80\n' }],
    [
      'deployment',
      'volumes = [{ local = "/data", container = "/var/data" }]',
      { volumes: '  /data: /var/data\n' },
    ],
    [
      'deployment',
      'term_signal_labels = [{ signal = "SigTerm", label = "graceful" }]',
      { term_signal_labels: '  SigTerm: graceful\n' },
    ],
    ['repo', 'environment = []', { environment: '' }],
    ['build', 'build_args = [{ variable = "V", value = "1" }]', { build_args: '  V = 1\n' }],
    ['build', 'version = "1.2.3"', { version: { major: 1, minor: 2, patch: 3 } }],
    [
      'build',
      'version = { major = 1, minor = 0, patch = 4 }',
      { version: { major: 1, minor: 0, patch: 4 } },
    ],
    [
      'build',
      'image_registry.type = "Standard"\nimage_registry.params.domain = "ghcr.io"\nimage_registry.params.organization = "acme"',
      { image_registry: [{ domain: 'ghcr.io', account: '', organization: 'acme' }] },
    ],
    ['build', 'image_registry.type = "None"', { image_registry: [] }],
    [
      'build',
      'image_registry = { domain = "docker.io", account = "me" }',
      { image_registry: [{ domain: 'docker.io', account: 'me', organization: '' }] },
    ],
    ['action', 'file_contents = "console.log(1)"', { file_contents: 'console.log(1)' }],
  ])('[[%s]] %s', (table, given, config) => {
    expect(
      declared(lines(`[[${table}]]`, 'name = "x"', `[${table}.config]`, given)).config,
    ).toEqual(config);
  });

  it('backslashes inside """ are literal, as Komodo pre-passes them', () => {
    const resource = declared(
      lines(
        '[[repo]]',
        'name = "r"',
        '[repo.config]',
        'on_pull.command = """',
        'make \\',
        '  all',
        '"""',
        'branch = "main"',
      ),
    );
    expect(resource.config.on_pull).toEqual({ command: 'make \\\n  all\n' });
    expect(resource.lines['config.branch']).toBe(8);
  });

  it('a secret variable without value keeps its value; another without value is empty', () => {
    const { declared: set } = read(
      lines(
        '[[variable]]',
        'name = "TOKEN"',
        'is_secret = true',
        '[[variable]]',
        'name = "PLAIN"',
        'description = "d"',
      ),
    );
    expect(set.variables.map(({ name, value, is_secret }) => ({ name, value, is_secret }))).toEqual(
      [
        { name: 'TOKEN', value: undefined, is_secret: true },
        { name: 'PLAIN', value: '', is_secret: undefined },
      ],
    );
  });

  it('reads only the resources carrying every match tag (Komodo filters them so)', () => {
    const text = lines(
      '[[server]]',
      'name = "a"',
      'tags = ["prod", "eu"]',
      '[[server]]',
      'name = "b"',
      'tags = ["dev"]',
    );
    expect(read(text, ['prod']).declared.resources.map((r) => r.name)).toEqual(['a']);
  });
});

describe('what Komodo ignores is a warning at its line, with a did-you-mean', () => {
  const warnings = (contents: string) =>
    read(contents)
      .problems.filter((p) => p.severity === 'warning')
      .map(formatProblem);

  it('an unknown config key, dropped from the declaration', () => {
    const text = lines('[[deployment]]', 'name = "d"', '[deployment.config]', 'restrat = "always"');
    expect(warnings(text)).toEqual([
      "a.toml:4:deployment[d].config.restrat: unknown key 'restrat', ignored as Komodo does (did you mean 'restart'?)",
    ]);
    expect(declared(text).config).toEqual({});
  });

  it("an unknown key under a variant's params, known by that variant", () => {
    const text = lines(
      '[[builder]]',
      'name = "b"',
      '[builder.config]',
      'type = "Aws"',
      'params.regoin = "x"',
    );
    expect(warnings(text)).toEqual([
      "a.toml:5:builder[b].config.params.regoin: unknown key 'regoin' (not a field of type 'Aws'), ignored as Komodo does (did you mean 'region'?)",
    ]);
  });

  it('an unknown key beside the config, an unknown table, a kind Monitor lacks', () => {
    const text = lines(
      '[[deploymnet]]',
      'name = "d"',
      '[[server]]',
      'name = "s"',
      'descripton = "x"',
      '[[swarm]]',
      'name = "w"',
    );
    expect(warnings(text)).toEqual([
      "a.toml:1:deploymnet: unknown table 'deploymnet', ignored as Komodo does (did you mean 'deployment'?)",
      "a.toml:5:server[s].descripton: unknown key 'descripton', ignored as Komodo does (did you mean 'description'?)",
      'a.toml:6:swarm: Monitor has no Swarm: 1 declaration(s) ignored',
    ]);
  });

  it('a sync with UI file contents or no source, which Komodo skips', () => {
    const text = lines(
      '[[resource_sync]]',
      'name = "ui"',
      'config.file_contents = "[[server]]"',
      '[[resource_sync]]',
      'name = "fresh"',
      '[[resource_sync]]',
      'name = "git"',
      'config.repo = "acme/infra"',
    );
    const skipped =
      'only a sync reading git or host files is synced (Komodo skips one with UI files or no source): ignored';
    expect(warnings(text)).toEqual([
      `a.toml:3:resource_sync[ui].config: ${skipped}`,
      `a.toml:4:resource_sync[fresh].config: ${skipped}`,
    ]);
    expect(read(text).declared.resources.map((r) => r.name)).toEqual(['git']);
  });

  it('`after` naming nothing, and deploy on a kind that does not deploy', () => {
    const text = lines(
      '[[stack]]',
      'name = "web"',
      'after = ["db", "wbe"]',
      '[[server]]',
      'name = "s"',
      'deploy = true',
    );
    const { problems } = readSyncFiles([{ path: 'a.toml', contents: text }], {
      exists: () => false,
    });
    expect(problems.map(formatProblem)).toEqual([
      "a.toml:3:stack[web].after: 'db' matches no Deployment or Stack: ignored",
      "a.toml:3:stack[web].after: 'wbe' matches no Deployment or Stack: ignored (did you mean 'web'?)",
      'a.toml:6:server[s].deploy: only Deployments and Stacks deploy: ignored on a Server',
    ]);
  });
});
