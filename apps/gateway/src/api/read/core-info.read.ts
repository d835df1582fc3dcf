import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { HISTORY_REQUESTS } from '@monitor/contracts';
import { MONITOR_CONFIG } from '@monitor/runtime';
import { RequestRegistry } from '../request-registry';

/** Komodo's Timelength values that a poll interval can be, in milliseconds, shortest first. */
const TIMELENGTHS = [
  ['1-sec', 1_000],
  ['5-sec', 5_000],
  ['10-sec', 10_000],
  ['15-sec', 15_000],
  ['30-sec', 30_000],
  ['1-min', 60_000],
  ['2-min', 120_000],
  ['5-min', 300_000],
  ['10-min', 600_000],
  ['15-min', 900_000],
  ['30-min', 1_800_000],
  ['1-hr', 3_600_000],
] as const;

type Timelength = (typeof TIMELENGTHS)[number][0];

/** The Timelength nearest to a poll interval (equal for the ones Komodo offers). */
export function nearestTimelength(ms: number): Timelength {
  let best: (typeof TIMELENGTHS)[number] = TIMELENGTHS[0];
  for (const entry of TIMELENGTHS)
    if (Math.abs(entry[1] - ms) < Math.abs(best[1] - ms)) best = entry;
  return best[0];
}

/**
 * Komodo's `GetCoreInfo`, as true of Monitor as its fields allow: Monitor has no transparent
 * mode, no write-disabled UI, no core public key (its agents check a passkey and signed
 * requests), and lets non-admins create (Servers and Builds by grant). Nothing secret in it.
 */
export function coreInfo(config: MonitorConfig) {
  return {
    title: config.title,
    monitoring_interval: nearestTimelength(config.monitoring.interval_ms),
    webhook_base_url: '',
    transparent_mode: false,
    ui_write_disabled: false,
    disable_non_admin_create: false,
    disable_confirm_dialog: false,
    disable_websocket_reconnect: false,
    enable_fancy_toml: false,
    // The zone the core's clock keeps (from TZ or the system), which schedules will follow.
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    public_key: '',
    default_pagination_limit: config.updates_page_size,
  };
}

@Injectable()
export class CoreInfoRead implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  onModuleInit(): void {
    this.registry.handle(HISTORY_REQUESTS.GetCoreInfo, async () => coreInfo(this.config));
  }
}
