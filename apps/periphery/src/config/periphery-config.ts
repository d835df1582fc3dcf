import 'reflect-metadata';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { COMPOSE_COMMANDS, type ComposeCommandChoice } from '../compose/compose.dto';
import { IsIpOrCidrList } from './ip-or-cidr.validator';

/**
 * Every setting of the agent: defaults, then the TOML file named by `PERIPHERY_CONFIG`, then
 * environment overrides `PERIPHERY_<KEY>`. Names follow Komodo's periphery config.
 */
export class PeripheryConfig {
  /** Port the agent listens on. 0 picks a free one (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 8120;

  /** Address the agent listens on. */
  @IsIP()
  bind_ip = '0.0.0.0';

  /** Accepted values of the `authorization` header; the core sends one of them. */
  @IsString({ each: true })
  @MinLength(1, { each: true })
  passkeys: string[] = [];

  /** Lets the agent start with no passkey, answering anyone: for development only. */
  @IsBoolean()
  allow_no_passkey = false;

  /** Client addresses or CIDR ranges (IPv4 or IPv6) allowed to call; empty allows any. */
  @IsIpOrCidrList()
  allowed_ips: string[] = [];

  @IsBoolean()
  ssl_enabled = false;

  /** PEM private key; default `<root_directory>/ssl/key.pem`, generated when absent. */
  @IsString()
  ssl_key_file = '';

  /** PEM certificate; default `<root_directory>/ssl/cert.pem`, generated when absent. */
  @IsString()
  ssl_cert_file = '';

  /** Where the agent keeps the files it needs (the generated certificate). */
  @IsString()
  @MinLength(1)
  root_directory = '/etc/monitor-periphery';

  /** The Docker engine's unix socket. */
  @IsString()
  @MinLength(1)
  docker_socket = '/var/run/docker.sock';

  /**
   * Which compose program stacks run: `auto` is `docker compose` when the Docker CLI has the
   * plugin, else `docker-compose`. A request may still name one.
   */
  @IsIn(COMPOSE_COMMANDS)
  compose_command: ComposeCommandChoice = 'auto';

  /** How often system stats are sampled in the background; answers come from the cache. */
  @IsInt()
  @Min(100)
  stats_polling_rate_ms = 5000;

  @IsOptional()
  @IsString()
  config_path?: string;
}
