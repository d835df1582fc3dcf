import { IsInt, Max, Min } from 'class-validator';

/**
 * What one client may hold of an HTTP server (the gateway; the agent uses the defaults): checked
 * before any heavy work, so that no request or idle socket can take the process down.
 */
export class LimitsSettings {
  /**
   * Nesting of objects and arrays in a JSON body; deeper bodies are refused (400). At most 128,
   * what validation itself accepts of any input (`BACKSTOP_LIMITS`).
   */
  @IsInt()
  @Min(8)
  @Max(128)
  json_max_depth = 64;

  /**
   * Object keys and array items in a JSON body, at every level; more are refused (400). At most
   * 20,000, what validation itself accepts of any input.
   */
  @IsInt()
  @Min(100)
  @Max(20_000)
  json_max_keys = 10_000;

  /**
   * Open connections of the whole server; more are closed at once. Keep it well below the
   * process's file limit (`ulimit -n`): each connection holds one file descriptor.
   */
  @IsInt()
  @Min(16)
  max_connections = 8_192;

  /** Open connections from one client address; more are closed at once. */
  @IsInt()
  @Min(8)
  connections_per_address = 1_024;

  /** A connection must send a request's headers within this, or it is closed. */
  @IsInt()
  @Min(1000)
  headers_timeout_ms = 10_000;

  /** A request (headers and body) must arrive within this, or it is answered 408. */
  @IsInt()
  @Min(1000)
  request_timeout_ms = 30_000;

  /** An idle keep-alive connection is closed after this. */
  @IsInt()
  @Min(100)
  keep_alive_timeout_ms = 5_000;

  /**
   * Event feeds one user may have open at once, all transports together (`/events` streams,
   * `/ws/update` sockets that resume, GraphQL subscriptions); more are refused (429).
   */
  @IsInt()
  @Min(1)
  events_per_user = 4;

  /**
   * Messages a feed holds for a client that has not taken them yet; a client further behind is
   * dropped with the reason and resumes from its last position (memory stays bounded).
   */
  @IsInt()
  @Min(16)
  @Max(100_000)
  feed_buffer = 1_000;

  /** A feed sends a heartbeat this often (SSE comment, WebSocket ping). */
  @IsInt()
  @Min(100)
  @Max(300_000)
  feed_heartbeat_ms = 15_000;
}
