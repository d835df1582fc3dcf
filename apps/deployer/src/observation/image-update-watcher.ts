import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { ContainerKind, Resource } from '@monitor/domain';
import { MONITOR_CONFIG } from '@monitor/runtime';

/** One kind's part of the image update checks: it checks only the resources it watches. */
export interface ImageUpdateCheck<K extends ContainerKind> {
  /** The resources with `poll_for_updates` or `auto_update` that have containers now. */
  watched(): Resource<K>[];
  check: (resource: Resource<K>) => Promise<void>;
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
  /** One round of each kind's check, over the resources that kind watches. */
  private readonly rounds: (() => Promise<void>)[] = [];
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(@Inject(MONITOR_CONFIG) private readonly config: MonitorConfig) {}

  /** Each feature adds its kind's check as its module starts. */
  add<K extends ContainerKind>(check: ImageUpdateCheck<K>): void {
    this.rounds.push(() => this.round(check));
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
      for (const round of this.rounds) await round();
    } finally {
      this.checking = false;
    }
  }

  private async round<K extends ContainerKind>(check: ImageUpdateCheck<K>): Promise<void> {
    for (const resource of check.watched()) {
      await check
        .check(resource)
        .catch((error: Error) =>
          this.logger.warn(`image update check of '${resource.name}': ${error.message}`),
        );
    }
  }
}
