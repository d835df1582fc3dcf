import type { ProcessLogger } from '@monitor/process';
import { PeripheryError } from '../api/periphery-error';
import type { PeripheryConfig } from '../config';
import { readSample } from './read-sample';
import { toSystemStats, type RawSample } from './stats-sample';
import type { SystemStats } from '@monitor/contracts/agent';

/** The first two samples are this close, so stats are ready soon after start at any rate. */
const FIRST_INTERVAL_MS = 1000;

/**
 * Samples the host in the background at `stats_polling_rate_ms`, so that GetSystemStats is a
 * cheap cached answer however often the core polls, and CPU use and network rates are measured
 * over a whole interval rather than the instant of a request.
 */
export class StatsSampler {
  private previous?: RawSample;
  private latest?: SystemStats;
  private lastError?: Error;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly config: PeripheryConfig,
    private readonly logger: Pick<ProcessLogger, 'warn'>,
  ) {}

  start(): void {
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake();
  }

  /** The latest stats; before the first two samples, waits for them. */
  async current(): Promise<SystemStats> {
    if (!this.latest && !this.lastError && !this.stopped) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.latest) return this.latest;
    throw new PeripheryError(
      'INTERNAL',
      `system stats are not available: ${this.lastError?.message ?? 'the agent is stopping'}`,
    );
  }

  private async tick(): Promise<void> {
    try {
      const sample = await readSample();
      if (this.previous) {
        this.latest = toSystemStats(this.previous, sample, this.config.stats_polling_rate_ms);
        this.lastError = undefined;
      }
      this.previous = sample;
    } catch (error) {
      // Keep serving the last good stats; say once per failure streak why sampling fails.
      if (!this.lastError)
        this.logger.warn(`sampling system stats failed: ${(error as Error).message}`);
      this.lastError = error as Error;
    }
    if (this.latest || this.lastError) this.wake();
    if (this.stopped) return;
    const delay = this.latest
      ? this.config.stats_polling_rate_ms
      : Math.min(this.config.stats_polling_rate_ms, FIRST_INTERVAL_MS);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
