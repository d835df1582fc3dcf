import type { ProcessLogger } from '@monitor/process';
import { seconds } from '../wait-until';
import type { Ec2Instances } from './ec2-instances';
import type { TerminationAlerts } from './termination-alerts';

export type Connect = () => Promise<Ec2Instances>;

export interface TerminationTiming {
  /** First wait before a retry; doubled each time up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
}

export type Termination =
  { terminated: true; state: string } | { terminated: false; error: string; alertId: string };

/**
 * Terminates builder instances, whatever it takes: a termination that fails opens an
 * AwsBuilderTerminationFailed alert and is retried in the background with a doubling wait,
 * until one succeeds and resolves the alert. Retries live in this process; after a restart,
 * `resume` takes up those of the alerts still open.
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
    connect: Connect,
    instanceId: string,
    builder: { id: string },
  ): Promise<Termination> {
    try {
      return { terminated: true, state: await terminateOnce(connect, instanceId) };
    } catch (error) {
      const message = messageOf(error);
      const alertId = await this.alerts.open(builder, instanceId, message);
      this.retry(connect, instanceId, alertId);
      return { terminated: false, error: message, alertId };
    }
  }

  /** Retries the terminations of the alerts still open (after a restart). */
  resume(connectFor: (builderId: string) => Connect | undefined): void {
    for (const { alertId, builderId, instanceId } of this.alerts.openOnes()) {
      const connect = connectFor(builderId);
      if (connect && !this.pending.has(instanceId)) this.retry(connect, instanceId, alertId);
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

  private retry(connect: Connect, instanceId: string, alertId: string): void {
    const run = this.retryUntilDone(connect, instanceId, alertId).finally(() =>
      this.pending.delete(instanceId),
    );
    this.pending.set(instanceId, run);
  }

  private async retryUntilDone(connect: Connect, instanceId: string, alertId: string) {
    for (let wait = this.timing.firstRetryMs; ; wait = Math.min(2 * wait, this.timing.maxRetryMs)) {
      if (this.stopped) return;
      await this.sleep(wait);
      if (this.stopped) return;
      try {
        await terminateOnce(connect, instanceId);
      } catch (error) {
        this.logger.warn(
          `terminating builder instance ${instanceId} failed again (${messageOf(error)}); next try in ${seconds(Math.min(2 * wait, this.timing.maxRetryMs))}`,
        );
        continue;
      }
      this.logger.log(`builder instance ${instanceId} terminated; alert ${alertId} resolved`);
      return this.alerts
        .resolve(alertId)
        .catch((error) =>
          this.logger.error(`alert ${alertId} of instance ${instanceId}: ${messageOf(error)}`),
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

async function terminateOnce(connect: Connect, instanceId: string): Promise<string> {
  const ec2 = await connect();
  try {
    return await ec2.terminate(instanceId);
  } finally {
    ec2.close();
  }
}

function messageOf(error: unknown): string {
  const { name, message } = error as { name?: string; message?: string };
  const text = message ?? String(error);
  return name && name !== 'Error' && !text.startsWith(name) ? `${name}: ${text}` : text;
}
