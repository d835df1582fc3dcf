import type { LimitsSettings } from '@monitor/config';

/** Requests carry names and small params; nothing legitimate comes near this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The core is the agent's one client: the gateway's default limits (`LimitsSettings`) leave it
 * ample room. Written out so that the agent loads no configuration classes; a unit test keeps
 * them equal to the defaults.
 */
export const AGENT_LIMITS: Omit<
  LimitsSettings,
  'events_per_user' | 'feed_buffer' | 'feed_heartbeat_ms'
> = {
  json_max_depth: 64,
  json_max_keys: 10_000,
  max_connections: 8_192,
  connections_per_address: 1_024,
  headers_timeout_ms: 10_000,
  request_timeout_ms: 30_000,
  keep_alive_timeout_ms: 5_000,
};
