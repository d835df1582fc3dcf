import type { ProcessLogger } from '@monitor/process';
import { seconds } from './wait-until';

/** One attempt at terminating a launched machine (and what goes with it); answers its new state. */
export type Terminate = () => Promise<string>;

/**
 * The alert a termination that failed opens (each user its own type: Komodo's
 * AwsBuilderTerminationFailed for a builder, ServerLaunchCleanupFailed for a launch), resolved
 * by a later success.
 */
export interface TerminationAlerts {
  /** What is terminated, for the log: `builder instance`, `launched server`. */
  readonly what: string;
  /** Answers the alert's id. */
  open(owner: { id: string }, instanceId: string, message: string): Promise<string>;
  resolve(alertId: string): Promise<void>;
  /** The open ones, to retry after a restart. */
  openOnes(): { alertId: string; ownerId: string; instanceId: string }[];
}

export interface TerminationTiming {
  /** First wait before a retry; doubled each time up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
}

export type Termination =
  { terminated: true; state: string } | { terminated: false; error: string; alertId: string };

/**
 * Terminates cloud machines, whatever it takes: a termination that fails opens an alert and is
 * retried in the background with a doubling wait, until one succeeds and resolves the alert.
 * Retries live in this process; after a restart, `resume` takes up those of the alerts still
 * open. `owner` is the resource the alert targets (the Builder, the ServerTemplate).
 */
export class InstanceTerminations {
  private readonly pending = new Map<string, Promise<void>>();
  private readonly wakeUps = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly alerts: TerminationAlerts,
    private readonly timing: TerminationTiming,
    private readonly logger: ProcessLogger,
  ) {}

  async terminate(
    terminate: Terminate,
    instanceId: string,
    owner: { id: string },
  ): Promise<Termination> {
    try {
      return { terminated: true, state: await terminate() };
    } catch (error) {
      const message = messageOf(error);
      const alertId = await this.alerts.open(owner, instanceId, message);
      this.retry(terminate, instanceId, alertId);
      return { terminated: false, error: message, alertId };
    }
  }

  /** Retries the terminations of the alerts still open (after a restart). */
  resume(terminateFor: (ownerId: string, instanceId: string) => Terminate | undefined): void {
    for (const { alertId, ownerId, instanceId } of this.alerts.openOnes()) {
      const terminate = terminateFor(ownerId, instanceId);
      if (terminate && !this.pending.has(instanceId)) this.retry(terminate, instanceId, alertId);
    }
  }

  /** Resolves once no retry is pending. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending.values());
  }

  /** Stops retrying (the service stops); open alerts stay open, for `resume`. */
  stop(): void {
    this.stopped = true;
    for (const wake of this.wakeUps) wake();
  }

  private retry(terminate: Terminate, instanceId: string, alertId: string): void {
    const run = this.retryUntilDone(terminate, instanceId, alertId).finally(() =>
      this.pending.delete(instanceId),
    );
    this.pending.set(instanceId, run);
  }

  private async retryUntilDone(terminate: Terminate, instanceId: string, alertId: string) {
    const { what } = this.alerts;
    for (let wait = this.timing.firstRetryMs; ; wait = Math.min(2 * wait, this.timing.maxRetryMs)) {
      if (this.stopped) return;
      await this.sleep(wait);
      if (this.stopped) return;
      try {
        await terminate();
      } catch (error) {
        this.logger.warn(
          `terminating ${what} ${instanceId} failed again (${messageOf(error)}); next try in ${seconds(Math.min(2 * wait, this.timing.maxRetryMs))}`,
        );
        continue;
      }
      this.logger.log(`${what} ${instanceId} terminated; alert ${alertId} resolved`);
      return this.alerts
        .resolve(alertId)
        .catch((error) =>
          this.logger.error(`alert ${alertId} of ${what} ${instanceId}: ${messageOf(error)}`),
        );
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeUps.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeUps.add(wake);
    });
  }
}

/** An error as a line: the SDK's and Hetzner's errors are named by their code. */
export function messageOf(error: unknown): string {
  const { name, message } = error as { name?: string; message?: string };
  const text = message ?? String(error);
  return name && name !== 'Error' && !text.startsWith(name) ? `${name}: ${text}` : text;
}
