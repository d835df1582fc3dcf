import { IsInt, IsString, IsUrl, Min } from 'class-validator';

/**
 * `[alerter]`: how alerts are delivered. The link in every message points at `link_base`; the
 * retry settings space the tries of a delivery whose receiver fails (timeouts, 408, 429, 5xx),
 * with full jitter, never sooner than the receiver's Retry-After.
 */
export class AlerterSettings {
  /** The address users open Monitor at: messages link to `<link_base>/<kind>/<id>`. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  link_base = 'http://localhost:9120';

  /** One send's timeout (HTTP request or SMTP session). */
  @IsInt()
  @Min(100)
  send_timeout_ms = 10_000;

  /** The first retry waits up to this; each next one up to twice as long, up to `retry_cap_ms`. */
  @IsInt()
  @Min(1)
  retry_base_ms = 1_000;

  @IsInt()
  @Min(1)
  retry_cap_ms = 5 * 60_000;

  /** A delivery still failing this long after its first attempt gives up. */
  @IsInt()
  @Min(1000)
  give_up_after_ms = 24 * 60 * 60_000;

  /**
   * How long an attempt claimed by a process that sent no result is left to it: past this, the
   * process is taken for dead, and the attempt is failed and claimed again (same
   * Idempotency-Key). Never shorter than the send timeout plus a second.
   */
  @IsInt()
  @Min(1000)
  claim_lease_ms = 60_000;

  /** Deliveries sent at once by one process. */
  @IsInt()
  @Min(1)
  concurrency = 16;

  /** Who is named as claiming attempts; empty: the host name and process id. */
  @IsString()
  replica = '';
}
