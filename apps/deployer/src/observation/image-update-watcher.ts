import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { Resource } from '@monitor/domain';
import { MONITOR_CONFIG } from '@monitor/runtime';

/** One kind's part of the image update checks. */
export interface ImageUpdateCheck {
  /** The resources with `poll_for_updates` or `auto_update` that have containers now. */
  watched(): Resource[];
  check(resource: Resource): Promise<void>;
}

/**
 * Komodo's `poll_for_updates` and `auto_update`, on their own interval: each watched
 * deployment and stack asks, through its agent, whether its registry now names a newer image
 * (a digest read, no pull). A round still running is not overlapped; one resource's failure is
 * logged, not fatal.
 */
@Injectable()
export class ImageUpdateWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImageUpdateWatcher.name);
  private readonly checks: ImageUpdateCheck[] = [];
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(@Inject(MONITOR_CONFIG) private readonly config: MonitorConfig) {}

  /** Each feature adds its kind's check as its module starts. */
  add(check: ImageUpdateCheck): void {
    this.checks.push(check);
  }

  onApplicationBootstrap(): void {
    if (!this.config.monitoring.enabled) return;
    const interval = this.config.monitoring.image_update_interval_ms;
    this.timer = setInterval(() => void this.tick(), interval);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const check of this.checks) {
        for (const resource of check.watched()) {
          await check
            .check(resource)
            .catch((error: Error) =>
              this.logger.warn(`image update check of '${resource.name}': ${error.message}`),
            );
        }
      }
    } finally {
      this.checking = false;
    }
  }
}
