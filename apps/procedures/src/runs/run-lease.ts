import type { ProcedureRunCommand } from '@monitor/domain';
import type { RunStream } from './run-stream';

/**
 * Keeps a run's lease while this replica drives it: renewed every third of its length. Losing
 * it (another replica took the run, the store refused) aborts `lost`: the run is no longer ours
 * to drive.
 */
export class RunLease {
  readonly lost = new AbortController();
  private timer?: NodeJS.Timeout;

  constructor(
    readonly stream: RunStream,
    private readonly replica: string,
    private readonly leaseMs: number,
    private readonly logger: (message: string) => void,
  ) {}

  /**
   * Takes the run (refused while another replica's lease holds), then keeps renewing it.
   * `before`: commands written in the same append, before the take (the run's Queue).
   */
  async take(...before: ProcedureRunCommand[]): ReturnType<RunStream['apply']> {
    const now = Date.now();
    const run = await this.stream.apply(...before, {
      type: 'Take',
      replica: this.replica,
      leaseUntil: now + this.leaseMs,
      now,
    });
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.leaseMs / 3)));
    return run;
  }

  end(): void {
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    const now = Date.now();
    try {
      await this.stream.apply({
        type: 'Renew',
        replica: this.replica,
        leaseUntil: now + this.leaseMs,
        now,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A finished run needs no lease; anything else means the run is not ours any more.
      const state = await this.stream.read().catch(() => undefined);
      if (state?.status === 'Active' && state.run.status === 'Finished') return this.end();
      this.logger(`procedure run ${this.stream.runId}: lease lost: ${message}`);
      this.end();
      this.lost.abort(new Error(message));
    }
  }
}
