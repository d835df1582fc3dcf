import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ActionSettings } from './action-settings';
import { AlerterSettings } from './alerter-settings';
import { AwsSettings } from './aws-settings';
import { GraphqlSettings } from './graphql-settings';
import { HetznerSettings } from './hetzner-settings';
import { LaunchSettings } from './launch-settings';
import { LimitsSettings } from './limits-settings';
import { LocalAgentSettings } from './local-agent-settings';
import { LOG_LEVELS, type LogLevel } from './log-level';
import { ProcedureSettings } from './procedure-settings';
import { SchedulerSettings } from './scheduler-settings';
import { SyncSettings } from './sync-settings';
import { TestingSettings } from './testing-settings';

export const EVENT_STORE_KINDS = ['sqlite', 'jetstream', 'kurrentdb', 'memory'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

export class EventStoreSettings {
  /** `sqlite` (embedded default), `jetstream`, `kurrentdb`, or `memory` (tests only). */
  @IsIn(EVENT_STORE_KINDS)
  kind: EventStoreKind = 'sqlite';

  /** KurrentDB connection string, for `kurrentdb`. */
  @IsString()
  url = '';

  /** JetStream stream and subject prefix, for `jetstream`. */
  @IsString()
  @MinLength(1)
  stream = 'MONITOR_EVENTS';

  @IsString()
  @MinLength(1)
  subject_prefix = 'monitor.events';
}

export class NatsSettings {
  /** The NATS server(s) of the distributed mode, comma separated. */
  @IsString()
  @MinLength(1)
  url = 'nats://127.0.0.1:4222';

  @IsInt()
  @Min(100)
  request_timeout_ms = 10_000;
}

export class AuthSettings {
  /**
   * Signs login tokens; generated into `<data_dir>/jwt.secret` on first start when empty. An
   * HS256 key shorter than the hash's 32 bytes weakens every token, so it is refused.
   */
  @IsString()
  @ValidateIf((settings: AuthSettings) => settings.jwt_secret !== '')
  @MinLength(32, { message: 'jwt_secret must be at least 32 characters, or empty to generate one' })
  jwt_secret = '';

  /** How long a login token is valid. */
  @IsInt()
  @Min(60)
  jwt_ttl_seconds = 7 * 24 * 3600;

  /** Sign-ups after the first user (who becomes admin). New users start disabled. */
  @IsBoolean()
  allow_signups = false;

  /** Failed logins for one user from one address in the window; then 429 until one leaves it. */
  @IsInt()
  @Min(1)
  login_attempts_per_user = 10;

  /** Failed logins from one address, over all users, in the window. */
  @IsInt()
  @Min(1)
  login_attempts_per_address = 30;

  /**
   * Failed logins for one user from all addresses together, in the window. Not enforced on the
   * addresses the user logged in from lately, so strangers' guesses cannot lock the user out.
   */
  @IsInt()
  @Min(1)
  login_attempts_per_user_global = 100;

  /** How long a successful login exempts its address from the user's global limit; 0 = never. */
  @IsInt()
  @Min(0)
  login_address_trust_days = 30;

  @IsInt()
  @Min(1000)
  login_window_ms = 5 * 60 * 1000;
}

export class SecretsSettings {
  /**
   * The master key file (envelope encryption of every secret in the event store). Default
   * `<data_dir>/master.key`, created on first start. Keep it out of the event store's backups.
   */
  @IsString()
  key_file = '';
}

export class ProviderAccountSettings {
  @IsString()
  @MinLength(1)
  username = '';

  @IsString()
  token = '';
}

/** Komodo's `[[git_provider]]`: accounts declared in the config file rather than through the API. */
export class GitProviderSettings {
  @IsString()
  @MinLength(1)
  domain = '';

  @IsBoolean()
  https = true;

  @ValidateNested({ each: true })
  @Type(() => ProviderAccountSettings)
  accounts: ProviderAccountSettings[] = [];
}

/** Komodo's `[[docker_registry]]`. */
export class DockerRegistrySettings {
  @IsString()
  @MinLength(1)
  domain = '';

  @ValidateNested({ each: true })
  @Type(() => ProviderAccountSettings)
  accounts: ProviderAccountSettings[] = [];

  @IsString({ each: true })
  organizations: string[] = [];
}

export class MonitoringSettings {
  /** Polls servers (state, stats, alerts); off only for tools and tests. */
  @IsBoolean()
  enabled = true;

  /** How often each enabled server is polled (Komodo's `monitoring_interval`, 15 s). */
  @IsInt()
  @Min(100)
  interval_ms = 15_000;

  /** A poll that takes longer fails: a slow agent never holds up the others. */
  @IsInt()
  @Min(50)
  timeout_ms = 5_000;

  /** How long server stats history is kept. */
  @IsInt()
  @Min(60_000)
  stats_retention_ms = 14 * 24 * 3600 * 1000;

  /**
   * How often deployments with `poll_for_updates` or `auto_update` ask their registry whether
   * their image reference now names another image (a digest read, no pull).
   */
  @IsInt()
  @Min(100)
  image_update_interval_ms = 5 * 60_000;
}

/** Every setting: from the TOML file (`MONITOR_CONFIG`), each overridable by environment. */
export class MonitorConfig {
  @IsString()
  title = 'Monitor';

  /** Address the gateway listens on. */
  @IsString()
  host = '0.0.0.0';

  @IsInt()
  @Min(0)
  @Max(65535)
  port = 9120;

  /** Where the embedded mode keeps its event store and keys. */
  @IsString()
  @MinLength(1)
  data_dir = './data';

  /** Largest request body the gateway accepts, in bytes. */
  @IsInt()
  @Min(1024)
  body_limit = 1024 * 1024;

  /**
   * Komodo's `webhook_secret`: what git webhooks are verified against when the resource has no
   * `webhook_secret` of its own. Empty: only resources with their own secret accept webhooks.
   */
  @IsString()
  webhook_secret = '';

  /**
   * How much the processes log: `error`, `warn`, `log` (start-up in a few lines, then what goes
   * wrong), `debug` (also every module Nest loads and route it maps), `verbose`.
   */
  @IsIn(LOG_LEVELS)
  log_level: LogLevel = 'log';

  /** Answers per page of `ListUpdates`. */
  @IsInt()
  @Min(1)
  updates_page_size = 100;

  @ValidateNested()
  @Type(() => EventStoreSettings)
  event_store = new EventStoreSettings();

  @ValidateNested()
  @Type(() => NatsSettings)
  nats = new NatsSettings();

  @ValidateNested()
  @Type(() => AuthSettings)
  auth = new AuthSettings();

  @ValidateNested()
  @Type(() => SecretsSettings)
  secrets = new SecretsSettings();

  @ValidateNested()
  @Type(() => MonitoringSettings)
  monitoring = new MonitoringSettings();

  @ValidateNested()
  @Type(() => LocalAgentSettings)
  local_agent = new LocalAgentSettings();

  @ValidateNested()
  @Type(() => LimitsSettings)
  limits = new LimitsSettings();

  @ValidateNested()
  @Type(() => AwsSettings)
  aws = new AwsSettings();

  @ValidateNested()
  @Type(() => HetznerSettings)
  hetzner = new HetznerSettings();

  @ValidateNested()
  @Type(() => LaunchSettings)
  launch = new LaunchSettings();

  @ValidateNested()
  @Type(() => AlerterSettings)
  alerter = new AlerterSettings();

  @ValidateNested()
  @Type(() => ProcedureSettings)
  procedures = new ProcedureSettings();

  @ValidateNested()
  @Type(() => ActionSettings)
  actions = new ActionSettings();

  @ValidateNested()
  @Type(() => SchedulerSettings)
  scheduler = new SchedulerSettings();

  @ValidateNested()
  @Type(() => GraphqlSettings)
  graphql = new GraphqlSettings();

  @ValidateNested()
  @Type(() => SyncSettings)
  sync = new SyncSettings();

  @ValidateNested()
  @Type(() => TestingSettings)
  testing = new TestingSettings();

  @ValidateNested({ each: true })
  @Type(() => GitProviderSettings)
  git_provider: GitProviderSettings[] = [];

  @ValidateNested({ each: true })
  @Type(() => DockerRegistrySettings)
  docker_registry: DockerRegistrySettings[] = [];

  @IsOptional()
  @IsString()
  config_path?: string;
}
