import type { Types } from 'komodo_client';
import { RESOURCE_KINDS } from '../../kinds';
import {
  KOMODO_ALERT_TYPES,
  type AlerterConfig,
  type KomodoAlerterEndpoint,
  type AwsBuilderConfig,
  type BuildConfig,
  type BuilderConfig,
  type DeploymentConfig,
  type DeploymentImage,
  EACH,
  KIND_SPECS,
  type MaintenanceWindow,
  type ProcedureConfig,
  type RepoConfig,
  type ResourceSyncConfig,
  type ResourceTarget,
  type ServerBuilderConfig,
  type ServerConfig,
  type StackConfig,
  type UrlBuilderConfig,
  defaultAlerterConfig,
  defaultAlerterEndpoint,
  defaultAwsBuilderConfig,
  defaultBuildConfig,
  defaultBuilderConfig,
  defaultDeploymentConfig,
  defaultDeploymentImage,
  defaultHetznerServerTemplateConfig,
  defaultProcedureConfig,
  defaultRepoConfig,
  defaultResourceSyncConfig,
  defaultServerBuilderConfig,
  defaultServerConfig,
  defaultServerTemplateConfig,
  defaultStackConfig,
  defaultUrlBuilderConfig,
} from './index';

/*
 * Compile-time checks against komodo_client 2.3: `npx tsc` fails when a field is missing, extra
 * or of another type. Jest (swc) strips types, so the runtime tests below restate the keys.
 */

/** Komodo's string enums become their values, so that our literal unions compare with them. */
type Loose<T> = T extends string
  ? `${T}`
  : T extends (infer U)[]
    ? Loose<U>[]
    : T extends object
      ? { [K in keyof T]: Loose<T[K]> }
      : T;

type KeyDiff<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>];
function sameKeys<A, B>(
  _ok: KeyDiff<A, B> extends [never, never]
    ? true
    : { extra: Exclude<keyof A, keyof B>; missing: Exclude<keyof B, keyof A> },
): void {}
function fits<_Ours extends Theirs, Theirs>(): void {}
function sameValues<A, B>(
  _ok: [A, B] extends [B, A] ? true : { extra: Exclude<A, B>; missing: Exclude<B, A> },
): void {}

sameKeys<Omit<ServerConfig, 'user_host_powers' | 'user_bind_paths'>, Types.ServerConfig>(true);
sameKeys<DeploymentConfig, Types.DeploymentConfig>(true);
sameKeys<StackConfig, Types.StackConfig>(true);
sameKeys<BuildConfig, Types.BuildConfig>(true);
sameKeys<RepoConfig, Types.RepoConfig>(true);
sameKeys<ProcedureConfig, Types.ProcedureConfig>(true);
sameKeys<ResourceSyncConfig, Types.ResourceSyncConfig>(true);
sameKeys<AlerterConfig, Types.AlerterConfig>(true);
sameKeys<UrlBuilderConfig, Types.UrlBuilderConfig>(true);
sameKeys<ServerBuilderConfig, Types.ServerBuilderConfig>(true);
sameKeys<AwsBuilderConfig, Types.AwsBuilderConfig>(true);
sameKeys<MaintenanceWindow, Types.MaintenanceWindow>(true);

fits<ServerConfig, Loose<Types.ServerConfig>>();
fits<DeploymentConfig, Loose<Types.DeploymentConfig>>();
fits<StackConfig, Loose<Types.StackConfig>>();
fits<BuildConfig, Loose<Types.BuildConfig>>();
fits<RepoConfig, Loose<Types.RepoConfig>>();
fits<ResourceSyncConfig, Loose<Types.ResourceSyncConfig>>();
// Telegram, Email and the outcome alert types are Monitor's own (issue 14).
fits<
  Omit<AlerterConfig, 'endpoint' | 'alert_types'> & {
    endpoint: KomodoAlerterEndpoint;
    alert_types: (typeof KOMODO_ALERT_TYPES)[number][];
  },
  Loose<Types.AlerterConfig>
>();
fits<BuilderConfig, Loose<Types.BuilderConfig>>();
// Komodo's Execution is a union of ~100 requests; our stages keep it open (type + params).
fits<Omit<ProcedureConfig, 'stages'>, Loose<Omit<Types.ProcedureConfig, 'stages'>>>();

sameValues<BuilderConfig['type'], Types.BuilderConfig['type']>(true);
sameValues<DeploymentImage['type'], Types.DeploymentImage['type']>(true);
sameValues<KomodoAlerterEndpoint['type'], Types.AlerterEndpoint['type']>(true);
sameValues<(typeof KOMODO_ALERT_TYPES)[number], Types.AlertData['type']>(true);
sameValues<ResourceTarget['type'], Types.ResourceTarget['type']>(true);
sameValues<DeploymentConfig['restart'], `${Types.RestartMode}`>(true);
sameValues<DeploymentConfig['termination_signal'], `${Types.TerminationSignal}`>(true);
sameValues<ProcedureConfig['schedule_format'], `${Types.ScheduleFormat}`>(true);
sameValues<MaintenanceWindow['schedule_type'], `${Types.MaintenanceScheduleType}`>(true);
sameValues<StackConfig['config_files'][number]['requires'], `${Types.StackFileRequires}`>(true);

const SERVER_CONFIG_KEYS: Record<keyof Types.ServerConfig, true> = {
  address: true,
  insecure_tls: true,
  external_address: true,
  region: true,
  enabled: true,
  auto_rotate_keys: true,
  passkey: true,
  ignore_mounts: true,
  auto_prune: true,
  links: true,
  stats_monitoring: true,
  send_unreachable_alerts: true,
  send_cpu_alerts: true,
  send_mem_alerts: true,
  send_disk_alerts: true,
  send_version_mismatch_alerts: true,
  cpu_warning: true,
  cpu_critical: true,
  mem_warning: true,
  mem_critical: true,
  disk_warning: true,
  disk_critical: true,
  maintenance_windows: true,
};
const DEPLOYMENT_CONFIG_KEYS: Record<keyof Types.DeploymentConfig, true> = {
  swarm_id: true,
  server_id: true,
  custom_name: true,
  image: true,
  image_registry_account: true,
  skip_secret_interp: true,
  redeploy_on_build: true,
  poll_for_updates: true,
  auto_update: true,
  send_alerts: true,
  links: true,
  network: true,
  restart: true,
  command: true,
  replicas: true,
  termination_signal: true,
  termination_timeout: true,
  extra_args: true,
  term_signal_labels: true,
  ports: true,
  volumes: true,
  environment: true,
  labels: true,
};
const STACK_CONFIG_KEYS: Record<keyof Types.StackConfig, true> = {
  swarm_id: true,
  server_id: true,
  links: true,
  project_name: true,
  auto_pull: true,
  run_build: true,
  poll_for_updates: true,
  auto_update: true,
  auto_update_all_services: true,
  auto_update_skip_services: true,
  destroy_before_deploy: true,
  skip_secret_interp: true,
  linked_repo: true,
  git_provider: true,
  git_https: true,
  git_account: true,
  repo: true,
  branch: true,
  commit: true,
  clone_path: true,
  reclone: true,
  webhook_enabled: true,
  webhook_secret: true,
  webhook_force_deploy: true,
  files_on_host: true,
  run_directory: true,
  file_paths: true,
  env_file_path: true,
  additional_env_files: true,
  config_files: true,
  send_alerts: true,
  registry_provider: true,
  registry_account: true,
  pre_deploy: true,
  post_deploy: true,
  extra_args: true,
  build_extra_args: true,
  compose_cmd_wrapper: true,
  compose_cmd_wrapper_include: true,
  ignore_services: true,
  file_contents: true,
  environment: true,
};
const BUILD_CONFIG_KEYS: Record<keyof Types.BuildConfig, true> = {
  builder_id: true,
  version: true,
  auto_increment_version: true,
  image_name: true,
  image_tag: true,
  include_latest_tag: true,
  include_version_tags: true,
  include_commit_tag: true,
  links: true,
  linked_repo: true,
  git_provider: true,
  git_https: true,
  git_account: true,
  repo: true,
  branch: true,
  commit: true,
  webhook_enabled: true,
  webhook_secret: true,
  files_on_host: true,
  build_path: true,
  dockerfile_path: true,
  image_registry: true,
  skip_secret_interp: true,
  use_buildx: true,
  extra_args: true,
  pre_build: true,
  dockerfile: true,
  build_args: true,
  secret_args: true,
  labels: true,
};
const REPO_CONFIG_KEYS: Record<keyof Types.RepoConfig, true> = {
  server_id: true,
  builder_id: true,
  git_provider: true,
  git_https: true,
  git_account: true,
  repo: true,
  branch: true,
  commit: true,
  path: true,
  webhook_enabled: true,
  webhook_secret: true,
  on_clone: true,
  on_pull: true,
  links: true,
  environment: true,
  env_file_path: true,
  skip_secret_interp: true,
};
const PROCEDURE_CONFIG_KEYS: Record<keyof Types.ProcedureConfig, true> = {
  stages: true,
  schedule_format: true,
  schedule: true,
  schedule_enabled: true,
  schedule_timezone: true,
  schedule_alert: true,
  failure_alert: true,
  webhook_enabled: true,
  webhook_secret: true,
};
const RESOURCE_SYNC_CONFIG_KEYS: Record<keyof Types.ResourceSyncConfig, true> = {
  linked_repo: true,
  git_provider: true,
  git_https: true,
  repo: true,
  branch: true,
  commit: true,
  git_account: true,
  webhook_enabled: true,
  webhook_secret: true,
  files_on_host: true,
  resource_path: true,
  managed: true,
  delete: true,
  include_resources: true,
  match_tags: true,
  include_variables: true,
  include_user_groups: true,
  pending_alert: true,
  file_contents: true,
};
const ALERTER_CONFIG_KEYS: Record<keyof Types.AlerterConfig, true> = {
  enabled: true,
  endpoint: true,
  alert_types: true,
  resources: true,
  except_resources: true,
  maintenance_windows: true,
};
const URL_BUILDER_CONFIG_KEYS: Record<keyof Types.UrlBuilderConfig, true> = {
  address: true,
  periphery_public_key: true,
  insecure_tls: true,
  passkey: true,
};
const SERVER_BUILDER_CONFIG_KEYS: Record<keyof Types.ServerBuilderConfig, true> = {
  server_ids: true,
};
const AWS_BUILDER_CONFIG_KEYS: Record<keyof Types.AwsBuilderConfig, true> = {
  region: true,
  instance_type: true,
  volume_gb: true,
  ami_id: true,
  subnet_id: true,
  key_pair_name: true,
  assign_public_ip: true,
  use_public_ip: true,
  security_group_ids: true,
  user_data: true,
  port: true,
  use_https: true,
  periphery_public_key: true,
  insecure_tls: true,
  git_providers: true,
  image_registries: true,
  secrets: true,
};

const sortedKeys = (value: object): string[] => Object.keys(value).sort();

/** Fields Monitor adds to a kind's config beyond Komodo's (its own, documented in docs/). */
const MONITOR_KEYS: Record<string, string[]> = {
  Server: ['user_bind_paths', 'user_host_powers'],
};
const komodoKeysOf = (name: string, defaults: object) =>
  sortedKeys(defaults).filter((key) => !(MONITOR_KEYS[name] ?? []).includes(key));

describe('config defaults', () => {
  it('exist for every kind and are fresh objects', () => {
    for (const kind of RESOURCE_KINDS) {
      const spec = KIND_SPECS[kind];
      expect(spec.defaults()).toEqual(spec.defaults());
      expect(spec.defaults()).not.toBe(spec.defaults());
    }
  });

  it.each([
    ['Server', defaultServerConfig(), SERVER_CONFIG_KEYS],
    ['Deployment', defaultDeploymentConfig(), DEPLOYMENT_CONFIG_KEYS],
    ['Stack', defaultStackConfig(), STACK_CONFIG_KEYS],
    ['Build', defaultBuildConfig(), BUILD_CONFIG_KEYS],
    ['Repo', defaultRepoConfig(), REPO_CONFIG_KEYS],
    ['Procedure', defaultProcedureConfig(), PROCEDURE_CONFIG_KEYS],
    ['ResourceSync', defaultResourceSyncConfig(), RESOURCE_SYNC_CONFIG_KEYS],
    ['Alerter', defaultAlerterConfig(), ALERTER_CONFIG_KEYS],
    ['Url builder', defaultUrlBuilderConfig(), URL_BUILDER_CONFIG_KEYS],
    ['Server builder', defaultServerBuilderConfig(), SERVER_BUILDER_CONFIG_KEYS],
    ['Aws builder', defaultAwsBuilderConfig(), AWS_BUILDER_CONFIG_KEYS],
  ])('%s defaults have exactly the keys of Komodo’s config', (name, defaults, komodoKeys) => {
    expect(komodoKeysOf(name, defaults)).toEqual(sortedKeys(komodoKeys));
    for (const key of MONITOR_KEYS[name] ?? []) expect(defaults).toHaveProperty(key);
  });

  it('match Komodo’s documented values', () => {
    expect(defaultServerConfig()).toMatchObject({
      address: '',
      enabled: false,
      insecure_tls: true,
      stats_monitoring: true,
      auto_prune: true,
      cpu_warning: 90,
      cpu_critical: 99,
      mem_warning: 75,
      mem_critical: 95,
      disk_warning: 75,
      disk_critical: 95,
    });
    expect(defaultDeploymentConfig()).toMatchObject({
      image: { type: 'Image', params: { image: '' } },
      network: 'host',
      restart: 'no',
      termination_signal: 'SIGTERM',
      termination_timeout: 10,
      replicas: 1,
      send_alerts: true,
    });
    expect(defaultStackConfig()).toMatchObject({
      branch: 'main',
      git_provider: 'github.com',
      env_file_path: '.env',
      auto_pull: true,
      webhook_enabled: true,
      file_paths: [],
      pre_deploy: { path: '', command: '', shell_mode: false },
    });
    expect(defaultBuildConfig()).toMatchObject({
      version: { major: 0, minor: 0, patch: 0 },
      auto_increment_version: true,
      build_path: '.',
      dockerfile_path: 'Dockerfile',
    });
    expect(defaultProcedureConfig()).toMatchObject({
      schedule_format: 'English',
      failure_alert: true,
    });
    expect(defaultResourceSyncConfig()).toMatchObject({
      include_resources: true,
      pending_alert: true,
    });
    expect(defaultAlerterConfig().endpoint).toEqual({
      type: 'Custom',
      params: { url: 'http://localhost:7000' },
    });
  });

  it('give every union variant its own defaults', () => {
    expect(defaultBuilderConfig()).toEqual({ type: 'Url', params: defaultUrlBuilderConfig() });
    expect(defaultAwsBuilderConfig()).toMatchObject({
      port: 8120,
      volume_gb: 20,
      region: 'us-east-1',
    });
    expect(defaultDeploymentImage('Build')).toEqual({
      type: 'Build',
      params: { build_id: '', version: { major: 0, minor: 0, patch: 0 } },
    });
    expect(defaultAlerterEndpoint('Ntfy').params.url).toBe('http://localhost:8080/komodo');
    const template = defaultServerTemplateConfig();
    expect(template.type).toBe('Aws');
    expect(template.params).toMatchObject({ instance_type: 't3.small', port: 8120 });
    expect(defaultHetznerServerTemplateConfig()).toMatchObject({
      datacenter: 'Nuremberg1Dc3',
      port: 8120,
    });
  });
});

/** Follows a spec path through a config; EACH fans out over arrays. */
function resolve(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return [value];
  const [head, ...rest] = path;
  if (head === EACH) return Array.isArray(value) ? value.flatMap((v) => resolve(v, rest)) : [];
  if (value === null || typeof value !== 'object' || !(head in value)) return [];
  return resolve((value as Record<string, unknown>)[head], rest);
}

describe('reference and secret metadata', () => {
  it('lists the references of Komodo’s configs', () => {
    expect(KIND_SPECS.Deployment.references).toEqual([
      { path: ['server_id'], kind: 'Server' },
      {
        path: ['image', 'params', 'build_id'],
        kind: 'Build',
        when: { path: ['image', 'type'], equals: 'Build' },
      },
    ]);
    expect(KIND_SPECS.Repo.references.map((r) => [r.path.join('.'), r.kind])).toEqual([
      ['server_id', 'Server'],
      ['builder_id', 'Builder'],
    ]);
    expect(KIND_SPECS.Build.references.map((r) => r.kind)).toEqual(['Builder', 'Repo']);
    expect(KIND_SPECS.Builder.references).toEqual([
      {
        path: ['params', 'server_ids'],
        kind: 'Server',
        when: { path: ['type'], equals: 'Server' },
      },
    ]);
    expect(KIND_SPECS.Alerter.references).toEqual([]);
    expect(KIND_SPECS.Server.references).toEqual([]);
  });

  it('points every reference at a string field of the matching variant', () => {
    const variants: Record<string, object[]> = {
      Deployment: [{ ...defaultDeploymentConfig(), image: defaultDeploymentImage('Build') }],
      Builder: [{ type: 'Server', params: defaultServerBuilderConfig() }],
    };
    for (const kind of RESOURCE_KINDS) {
      const configs = variants[kind] ?? [KIND_SPECS[kind].defaults()];
      for (const ref of KIND_SPECS[kind].references) {
        const config = configs.find(
          (c) => !ref.when || resolve(c, ref.when.path)[0] === ref.when.equals,
        );
        const [value] = resolve(config, ref.path);
        expect(typeof value === 'string' || Array.isArray(value)).toBe(true);
      }
    }
  });

  it('lists secrets that exist in the config', () => {
    expect(KIND_SPECS.Server.secrets).toEqual([['passkey']]);
    for (const kind of ['Stack', 'Repo', 'Build', 'ResourceSync', 'Procedure'] as const) {
      expect(KIND_SPECS[kind].secrets).toContainEqual(['webhook_secret']);
    }
    const aws = { type: 'Aws', params: defaultAwsBuilderConfig() };
    aws.params.git_providers = [
      { domain: 'x', https: true, accounts: [{ username: 'u', token: 't' }] },
    ];
    expect(resolve(aws, KIND_SPECS.Builder.secrets[1])).toEqual(['t']);
    for (const kind of RESOURCE_KINDS) {
      for (const path of KIND_SPECS[kind].secrets.filter((p) => !p.includes(EACH))) {
        // An Alerter's token and password are fields of the Telegram and Email endpoints.
        const endpoint = { bot_token: 'Telegram', password: 'Email' }[path[2]] ?? 'Custom';
        const config =
          kind === 'Builder'
            ? { type: 'Url', params: defaultUrlBuilderConfig() }
            : kind === 'Alerter'
              ? { endpoint: defaultAlerterEndpoint(endpoint as 'Custom') }
              : KIND_SPECS[kind].defaults();
        expect(resolve(config, path)).toHaveLength(1);
      }
    }
  });
});
