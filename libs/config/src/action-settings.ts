import { IsInt, IsUrl, Min, ValidateIf } from 'class-validator';

/**
 * `[actions]`: the limits of an Action's script, which runs in a Node process of its own, and
 * where it reaches Monitor's API.
 */
export class ActionSettings {
  /**
   * The address the script's `komodo` and `monitor` clients call: the gateway's. Empty: this
   * host's on the configured `port` (embedded mode); distributed, the gateway's address.
   */
  @ValidateIf((settings: ActionSettings) => settings.api_url !== '')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  api_url = '';

  /** A run is stopped (its whole process group killed) after this long; its API key expires then. */
  @IsInt()
  @Min(1000)
  timeout_ms = 10 * 60_000;

  /** The script's heap cap (Node's --max-old-space-size). */
  @IsInt()
  @Min(16)
  memory_mb = 256;
}
