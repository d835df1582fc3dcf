import { validateSync } from 'class-validator';
import { RESOURCE_KINDS, type ResourceKind } from '../../../domain/src/kinds';
import {
  type AwsBuilderConfig,
  type BuildConfig,
  type DeploymentConfig,
  type HetznerServerTemplateConfig,
  KIND_SPECS,
  type MaintenanceWindow,
  type ServerConfig,
  type StackConfig,
  type SystemCommand,
  type Version,
  defaultAlerterEndpoint,
  defaultAwsBuilderConfig,
  defaultDeploymentImage,
  defaultHetznerServerTemplateConfig,
} from '../../../domain/src/resources/configs';
import {
  AwsBuilderConfigDto,
  BuildConfigDto,
  DeploymentConfigDto,
  HetznerServerTemplateConfigDto,
  IsRelativeSafePath,
  MaintenanceWindowDto,
  ServerConfigDto,
  StackConfigDto,
  SystemCommandDto,
  VersionDto,
  validateConfig,
} from './index';

/* The DTOs must name exactly the domain's fields (checked by `npx tsc`, not by swc-jest). */
function sameKeys<A, B>(
  _ok: [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
    ? true
    : { extra: Exclude<keyof A, keyof B>; missing: Exclude<keyof B, keyof A> },
): void {}
sameKeys<ServerConfigDto, ServerConfig>(true);
sameKeys<DeploymentConfigDto, DeploymentConfig>(true);
sameKeys<StackConfigDto, StackConfig>(true);
sameKeys<BuildConfigDto, BuildConfig>(true);
sameKeys<AwsBuilderConfigDto, AwsBuilderConfig>(true);
sameKeys<HetznerServerTemplateConfigDto, HetznerServerTemplateConfig>(true);
sameKeys<VersionDto, Version>(true);
sameKeys<SystemCommandDto, SystemCommand>(true);
sameKeys<MaintenanceWindowDto, MaintenanceWindow>(true);

const errorsOf = (kind: ResourceKind, input: unknown) => {
  const result = validateConfig(kind, input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.config)}`);
  return result.errors;
};

describe('validateConfig: valid partial configs', () => {
  it.each(RESOURCE_KINDS)('accepts the full default config of %s unchanged', (kind) => {
    const defaults = KIND_SPECS[kind].defaults();
    expect(validateConfig(kind, defaults)).toEqual({ ok: true, config: defaults });
  });

  it.each(RESOURCE_KINDS)('accepts an empty config for %s', (kind) => {
    expect(validateConfig(kind, {})).toEqual({ ok: true, config: {} });
  });

  it.each<[ResourceKind, Record<string, unknown>]>([
    [
      'Server',
      { address: 'https://10.0.0.2:8120', enabled: true, cpu_warning: 80.5, disk_critical: 100 },
    ],
    [
      'Server',
      {
        maintenance_windows: [
          { name: 'nightly', duration_minutes: 30, hour: 2, schedule_type: 'Daily' },
        ],
      },
    ],
    [
      'Deployment',
      { server_id: 'prod-1', image: { type: 'Image', params: { image: 'nginx:1.27' } } },
    ],
    [
      'Deployment',
      {
        image: {
          type: 'Build',
          params: { build_id: 'app', version: { major: 1, minor: 2, patch: 3 } },
        },
      },
    ],
    [
      'Deployment',
      {
        image: { type: 'Build' },
        restart: 'unless-stopped',
        termination_signal: 'SIGINT',
        replicas: 0,
      },
    ],
    ['Deployment', { environment: 'A=1\nB = 2\n# c', ports: '80:80', termination_timeout: 0 }],
    [
      'Stack',
      {
        run_directory: 'apps/web',
        file_paths: ['compose.yaml', './override.yml'],
        env_file_path: '.env',
      },
    ],
    [
      'Stack',
      {
        additional_env_files: [{ path: 'secrets.env', track: false }],
        config_files: [{ path: 'nginx.conf', services: ['web'], requires: 'Restart' }],
      },
    ],
    [
      'Stack',
      {
        pre_deploy: { path: 'scripts', command: './migrate.sh' },
        compose_cmd_wrapper_include: ['up', 'pull'],
      },
    ],
    [
      'Repo',
      {
        server_id: 'prod-1',
        builder_id: 'b',
        path: 'checkouts/app',
        on_clone: { command: 'npm ci' },
      },
    ],
    [
      'Build',
      {
        builder_id: 'local',
        version: { major: 0, minor: 1, patch: 0 },
        build_path: '.',
        dockerfile_path: 'docker/Dockerfile',
      },
    ],
    [
      'Build',
      {
        image_registry: [{ domain: 'ghcr.io', account: 'me', organization: '' }],
        extra_args: ['--pull'],
      },
    ],
    ['Builder', { type: 'Url', params: { address: 'https://builder:8120' } }],
    ['Builder', { type: 'Server', params: { server_ids: ['a', 'b'] } }],
    [
      'Builder',
      {
        type: 'Aws',
        params: {
          port: 8443,
          git_providers: [{ domain: 'github.com', accounts: [{ username: 'u', token: 't' }] }],
        },
      },
    ],
    ['Builder', { type: 'Aws' }],
    [
      'Procedure',
      {
        stages: [
          {
            name: 'build',
            executions: [
              { execution: { type: 'RunBuild', params: { build: 'app' } }, enabled: true },
            ],
          },
        ],
      },
    ],
    ['Procedure', { schedule_format: 'Cron', schedule: '0 0 0 * * *', schedule_enabled: false }],
    [
      'ResourceSync',
      { repo: 'me/infra', resource_path: ['resources', 'stacks/web.toml'], delete: true },
    ],
    [
      'Alerter',
      {
        enabled: true,
        endpoint: { type: 'Ntfy', params: { url: 'https://ntfy.sh/x', email: 'a@b.c' } },
      },
    ],
    [
      'Alerter',
      { alert_types: ['ServerCpu', 'BuildFailed'], resources: [{ type: 'Server', id: 'prod-1' }] },
    ],
    [
      'ServerTemplate',
      {
        type: 'Hetzner',
        params: { datacenter: 'Helsinki1Dc2', firewall_ids: [12], labels: { env: 'prod' } },
      },
    ],
    [
      'ServerTemplate',
      {
        type: 'Aws',
        params: {
          volumes: [
            { device_name: '/dev/sda1', size_gb: 50, volume_type: 'gp3', iops: 0, throughput: 0 },
          ],
        },
      },
    ],
  ])('%s accepts %j unchanged', (kind, input) => {
    const result = validateConfig(kind, input);
    expect(result).toEqual({ ok: true, config: input });
    expect(result.ok && result.config).not.toBe(input);
  });

  it('accepts every union variant with its defaults', () => {
    const valid = (kind: ResourceKind, input: object) => validateConfig(kind, input).ok;
    expect(valid('Deployment', { image: defaultDeploymentImage('Build') })).toBe(true);
    expect(valid('Builder', { type: 'Aws', params: defaultAwsBuilderConfig() })).toBe(true);
    expect(
      valid('ServerTemplate', { type: 'Hetzner', params: defaultHetznerServerTemplateConfig() }),
    ).toBe(true);
    for (const type of ['Custom', 'Slack', 'Discord', 'Ntfy', 'Pushover'] as const) {
      expect(valid('Alerter', { endpoint: defaultAlerterEndpoint(type) })).toBe(true);
    }
  });

  it('leaves out null and undefined fields instead of inventing keys', () => {
    const result = validateConfig('Stack', {
      server_id: null,
      branch: undefined,
      pre_deploy: { command: 'x', path: null },
    });
    expect(result).toEqual({ ok: true, config: { pre_deploy: { command: 'x' } } });
    expect(result.ok && Object.keys(result.config)).toEqual(['pre_deploy']);
  });

  it.each<[ResourceKind, Record<string, unknown>, Record<string, unknown>]>([
    [
      'Deployment',
      { server: 'prod-1', image: { type: 'Build', params: { build: 'app' } } },
      { server_id: 'prod-1', image: { type: 'Build', params: { build_id: 'app' } } },
    ],
    ['Repo', { builder: 'local' }, { builder_id: 'local' }],
    [
      'Builder',
      { type: 'Server', params: { servers: ['a'] } },
      { type: 'Server', params: { server_ids: ['a'] } },
    ],
    [
      'Procedure',
      { stage: [{ name: 's', execution: [] }] },
      { stages: [{ name: 's', executions: [] }] },
    ],
  ])(
    "accepts Komodo's serde aliases in %s, stored as the field they stand for",
    (kind, given, stored) => {
      expect(validateConfig(kind, given)).toEqual({ ok: true, config: stored });
    },
  );

  it('refuses a field given both by its name and by its alias', () => {
    const both = { image: { type: 'Build', params: { build: 'a', build_id: 'b' } } };
    expect(validateConfig('Deployment', both)).toEqual({
      ok: false,
      errors: [
        {
          field: 'image.params.build',
          message: "image.params.build: give 'build_id' or its alias 'build', not both",
        },
      ],
    });
  });

  it('does not convert values', () => {
    expect(errorsOf('Builder', { type: 'Aws', params: { port: '8120' } })).toEqual([
      { field: 'params.port', message: 'params.port must be an integer (got "8120")' },
    ]);
    expect(errorsOf('Server', { enabled: 'true' })[0].field).toBe('enabled');
  });
});

describe('validateConfig: malformed configs', () => {
  it.each<[ResourceKind, unknown, string, string]>([
    ['Server', { address: 42 }, 'address', 'address must be a string (got number 42)'],
    ['Server', { enabled: 'yes' }, 'enabled', 'enabled must be a boolean (got "yes")'],
    ['Server', { passkey: { secret: 'x' } }, 'passkey', 'passkey must be a string (got an object)'],
    ['Server', { foo: 1 }, 'foo', "unknown field 'foo'"],
    [
      'Server',
      { cpu_warning: 101 },
      'cpu_warning',
      'cpu_warning must be between 0 and 100 (got 101)',
    ],
    [
      'Server',
      { disk_critical: -1 },
      'disk_critical',
      'disk_critical must be between 0 and 100 (got -1)',
    ],
    ['Server', { mem_warning: '90' }, 'mem_warning', 'mem_warning must be a number (got "90")'],
    [
      'Server',
      { ignore_mounts: ['/boot', 3] },
      'ignore_mounts',
      'ignore_mounts[1] must be a string (got number 3)',
    ],
    [
      'Server',
      { links: 'https://x' },
      'links',
      'links must be an array of strings (got "https://x")',
    ],
    [
      'Server',
      { maintenance_windows: [{ name: 'w', duration_minutes: 5, hour: 24 }] },
      'maintenance_windows.0.hour',
      'maintenance_windows.0.hour must be between 0 and 23 (got 24)',
    ],
    [
      'Server',
      { maintenance_windows: [{ duration_minutes: 5 }] },
      'maintenance_windows.0.name',
      'maintenance_windows.0.name is required',
    ],
    [
      'Server',
      { maintenance_windows: ['nightly'] },
      'maintenance_windows',
      'maintenance_windows[0] must be an object (got "nightly")',
    ],
    [
      'Deployment',
      { restart: 'never' },
      'restart',
      'restart must be one of no, on-failure, always, unless-stopped (got "never")',
    ],
    [
      'Deployment',
      { termination_signal: 15 },
      'termination_signal',
      'termination_signal must be one of SIGHUP, SIGINT, SIGQUIT, SIGTERM (got number 15)',
    ],
    [
      'Deployment',
      { termination_timeout: -5 },
      'termination_timeout',
      'termination_timeout must be at least 0 (got -5)',
    ],
    [
      'Deployment',
      { termination_timeout: 3e9 },
      'termination_timeout',
      'termination_timeout must be at most 2147483647 (got 3000000000)',
    ],
    ['Deployment', { replicas: 1.5 }, 'replicas', 'replicas must be an integer (got number 1.5)'],
    ['Deployment', { ports: ['80:80'] }, 'ports', 'ports must be a string (got an array)'],
    ['Deployment', { image: 'nginx' }, 'image', 'image must be an object (got "nginx")'],
    [
      'Deployment',
      { image: { type: 'Docker', params: {} } },
      'image.type',
      'image.type must be one of Image, Build (got "Docker")',
    ],
    [
      'Deployment',
      { image: { params: { image: 'x' } } },
      'image.type',
      'image.type is required: one of Image, Build',
    ],
    [
      'Deployment',
      { image: { type: 'Image', params: { build_id: 'app' } } },
      'image.params.build_id',
      "unknown field 'build_id' (not a field of image.type 'Image')",
    ],
    [
      'Deployment',
      { image: { type: 'Build', params: 'app' } },
      'image.params',
      'image.params must be an object (got "app")',
    ],
    [
      'Deployment',
      { image: { type: 'Build', params: { version: { major: 1, minor: 2 } } } },
      'image.params.version.patch',
      'image.params.version.patch is required',
    ],
    [
      'Deployment',
      { image: { type: 'Build', params: { version: '1.2.3' } } },
      'image.params.version',
      'image.params.version must be an object (got "1.2.3")',
    ],
    [
      'Stack',
      { run_directory: '/srv/app' },
      'run_directory',
      'run_directory must be a relative path, not absolute (got "/srv/app")',
    ],
    [
      'Stack',
      { run_directory: 'apps/../../etc' },
      'run_directory',
      `run_directory must not contain '..' segments (got "apps/../../etc")`,
    ],
    [
      'Stack',
      { file_paths: ['compose.yaml', '../x.yaml'] },
      'file_paths',
      `file_paths[1] must not contain '..' segments (got "../x.yaml")`,
    ],
    [
      'Stack',
      { compose_cmd_wrapper: 'op run --' },
      'compose_cmd_wrapper',
      'compose_cmd_wrapper must contain [[COMPOSE_COMMAND]] where the compose command goes',
    ],
    [
      'Stack',
      { env_file_path: 'C:\\env' },
      'env_file_path',
      'env_file_path must be a relative path, not absolute (got "C:\\env")',
    ],
    [
      'Stack',
      { clone_path: '~/stacks' },
      'clone_path',
      'clone_path must be a relative path, not absolute (got "~/stacks")',
    ],
    [
      'Stack',
      { additional_env_files: [{ path: '/etc/env' }] },
      'additional_env_files.0.path',
      'additional_env_files.0.path must be a relative path, not absolute (got "/etc/env")',
    ],
    [
      'Stack',
      { additional_env_files: [{ track: true }] },
      'additional_env_files.0.path',
      'additional_env_files.0.path is required',
    ],
    [
      'Stack',
      { pre_deploy: { command: 'x', shell: true } },
      'pre_deploy.shell',
      "unknown field 'shell'",
    ],
    [
      'Stack',
      { compose_cmd_wrapper_include: ['up', 'down'] },
      'compose_cmd_wrapper_include',
      'compose_cmd_wrapper_include[1] must be one of config, build, pull, up, run, deploy (got "down")',
    ],
    [
      'Stack',
      { config_files: [{ path: 'a.conf', requires: 'Sometimes' }] },
      'config_files.0.requires',
      'config_files.0.requires must be one of Redeploy, Restart, None (got "Sometimes")',
    ],
    [
      'Repo',
      { path: '/home/app' },
      'path',
      'path must be a relative path, not absolute (got "/home/app")',
    ],
    [
      'Repo',
      { on_clone: { path: '..\\up', command: 'x' } },
      'on_clone.path',
      `on_clone.path must not contain '..' segments (got "..\\up")`,
    ],
    [
      'Build',
      { version: { major: -1, minor: 0, patch: 0 } },
      'version.major',
      'version.major must be at least 0 (got -1)',
    ],
    [
      'Build',
      { image_registry: [{ domain: 'docker.io', token: 'x' }] },
      'image_registry.0.token',
      "unknown field 'token'",
    ],
    [
      'Build',
      { build_path: '..' },
      'build_path',
      `build_path must not contain '..' segments (got "..")`,
    ],
    ['Builder', { type: 'Local' }, 'type', 'type must be one of Url, Server, Aws (got "Local")'],
    ['Builder', { params: { address: 'x' } }, 'type', 'type is required: one of Url, Server, Aws'],
    [
      'Builder',
      { type: 'Aws', params: { port: 0 } },
      'params.port',
      'params.port must be between 1 and 65535 (got 0)',
    ],
    [
      'Builder',
      { type: 'Aws', params: { port: 70000 } },
      'params.port',
      'params.port must be between 1 and 65535 (got 70000)',
    ],
    [
      'Builder',
      { type: 'Aws', params: { volume_gb: 0 } },
      'params.volume_gb',
      'params.volume_gb must be at least 1 (got 0)',
    ],
    [
      'Builder',
      { type: 'Url', params: { server_ids: ['a'] } },
      'params.server_ids',
      "unknown field 'server_ids' (not a field of type 'Url')",
    ],
    [
      'Builder',
      { type: 'Server', params: { server_ids: [1] } },
      'params.server_ids',
      'params.server_ids[0] must be a string (got number 1)',
    ],
    [
      'Builder',
      { type: 'Aws', params: { git_providers: [{ accounts: [{ token: 't' }] }] } },
      'params.git_providers.0.accounts.0.username',
      'params.git_providers.0.accounts.0.username is required',
    ],
    [
      'Procedure',
      { stages: [{ name: 's', executions: [{ execution: { params: {} } }] }] },
      'stages.0.executions.0.execution.type',
      'stages.0.executions.0.execution.type is required',
    ],
    [
      'Procedure',
      { stages: [{ name: 's', executions: [{ execution: { type: 'Sleep', params: 5 } }] }] },
      'stages.0.executions.0.execution.params',
      'stages.0.executions.0.execution.params must be an object (got number 5)',
    ],
    [
      'Procedure',
      { schedule_format: 'Natural' },
      'schedule_format',
      'schedule_format must be one of English, Cron (got "Natural")',
    ],
    [
      'ResourceSync',
      { resource_path: ['ok', '/abs'] },
      'resource_path',
      'resource_path[1] must be a relative path, not absolute (got "/abs")',
    ],
    [
      'ResourceSync',
      { match_tags: [null] },
      'match_tags',
      'match_tags[0] must be a string (got null)',
    ],
    [
      'Alerter',
      { endpoint: { type: 'Fax', params: {} } },
      'endpoint.type',
      'endpoint.type must be one of Custom, Slack, Discord, Ntfy, Pushover, Telegram, Email (got "Fax")',
    ],
    [
      'Alerter',
      { endpoint: { type: 'Slack', params: { email: 'a@b.c' } } },
      'endpoint.params.email',
      "unknown field 'email' (not a field of endpoint.type 'Slack')",
    ],
    [
      'Alerter',
      { alert_types: ['ServerCpu', 'Bogus'] },
      'alert_types',
      'alert_types[1] must be one of',
    ],
    [
      'Alerter',
      { resources: [{ type: 'Server' }] },
      'resources.0.id',
      'resources.0.id is required',
    ],
    [
      'Alerter',
      { except_resources: [{ type: 'Planet', id: 'x' }] },
      'except_resources.0.type',
      'except_resources.0.type must be one of System, Swarm',
    ],
    [
      'ServerTemplate',
      { type: 'Hetzner', params: { datacenter: 'Moon1' } },
      'params.datacenter',
      'params.datacenter must be a Hetzner datacenter: nbg1-dc3',
    ],
    [
      'ServerTemplate',
      {
        type: 'Aws',
        params: {
          volumes: [
            { device_name: 'xvdh', size_gb: 0, volume_type: 'gp2', iops: 0, throughput: 0 },
          ],
        },
      },
      'params.volumes.0.size_gb',
      'params.volumes.0.size_gb must be at least 1 (got 0)',
    ],
    [
      'ServerTemplate',
      { type: 'Hetzner', params: { labels: { env: 1 } } },
      'params.labels',
      'params.labels.env must be a string (got number 1)',
    ],
    [
      'ServerTemplate',
      { type: 'Hetzner', params: { firewall_ids: ['fw-1'] } },
      'params.firewall_ids',
      'params.firewall_ids[0] must be an integer (got "fw-1")',
    ],
    [
      'ServerTemplate',
      { type: 'Aws', params: { port: 65536 } },
      'params.port',
      'params.port must be between 1 and 65535 (got 65536)',
    ],
  ])('%s rejects %j at %s', (kind, input, field, message) => {
    expect(errorsOf(kind, input)).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it.each([null, 'x', 42, [], [{}], true])('rejects a non-object config %j', (input) => {
    expect(errorsOf('Server', input)).toEqual([
      { field: 'config', message: expect.stringMatching(/^config must be an object \(got .+\)$/) },
    ]);
  });

  it('refuses keys that would reach a prototype', () => {
    expect(errorsOf('Server', JSON.parse('{"__proto__": {"enabled": true}}'))).toEqual([
      { field: '__proto__', message: "unknown field '__proto__'" },
    ]);
    expect(errorsOf('Stack', { pre_deploy: { constructor: 'x' } })).toEqual([
      { field: 'pre_deploy.constructor', message: "unknown field 'constructor'" },
    ]);
  });

  it('reports every bad field at once', () => {
    const errors = errorsOf('Server', { address: 1, enabled: 'x', foo: 2, cpu_warning: 200 });
    expect(errors.map((e) => e.field).sort()).toEqual(['address', 'cpu_warning', 'enabled', 'foo']);
  });

  it('refuses an unknown kind', () => {
    expect(errorsOf('Swarm' as ResourceKind, {})).toEqual([
      { field: 'kind', message: 'unknown resource kind "Swarm"' },
    ]);
  });
});

describe('IsRelativeSafePath', () => {
  class Target {
    @IsRelativeSafePath() path?: unknown;
  }
  const problems = (path: unknown) => {
    const target = Object.assign(new Target(), { path });
    return validateSync(target).flatMap((e) => Object.values(e.constraints ?? {}));
  };

  it.each(['', '.', './a', 'a/b/c.yaml', 'a/..b', '..hidden', 'a\\b'])('accepts %j', (path) => {
    expect(problems(path)).toEqual([]);
  });

  it.each([
    ['/etc', 'not absolute'],
    ['\\\\server\\share', 'not absolute'],
    ['D:/data', 'not absolute'],
    ['~/x', 'not absolute'],
    ['..', "'..' segments"],
    ['a/../../b', "'..' segments"],
    ['a\\..\\b', "'..' segments"],
    ['a\0b', 'NUL'],
    [7, 'relative path string'],
  ])('refuses %j', (path, reason) => {
    expect(problems(path)).toEqual([expect.stringContaining(reason)]);
  });

  it('checks every item of a list', () => {
    expect(problems(['a', 'b/../../c'])).toEqual([
      `path[1] must not contain '..' segments (got "b/../../c")`,
    ]);
  });
});
