import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

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

  @IsOptional()
  @IsString()
  config_path?: string;
}
