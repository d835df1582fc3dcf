import { Injectable } from '@nestjs/common';
import { conflict, type BuildOutcome } from '@monitor/domain';

/** One RunBuild in progress: how to stop it, and how it ended (none recorded: an error). */
export interface RunningBuild {
  controller: AbortController;
  ended: Promise<BuildOutcome | undefined>;
}

/**
 * The RunBuilds this process runs now, by Build id (Komodo's action state `building`): a
 * CancelBuild aborts the one it finds. A build runs one at a time per Build (the runner's queue),
 * so one entry each.
 */
@Injectable()
export class RunningBuilds {
  private readonly running = new Map<string, RunningBuild>();

  /** Marks the build as running until `end` is called; its signal aborts on a cancel. */
  begin(buildId: string): {
    signal: AbortSignal;
    end: (outcome: BuildOutcome | undefined) => void;
  } {
    if (this.running.has(buildId)) throw conflict(`a build of '${buildId}' is already running`);
    const controller = new AbortController();
    let end!: (outcome: BuildOutcome | undefined) => void;
    const ended = new Promise<BuildOutcome | undefined>((resolve) => (end = resolve));
    const entry = { controller, ended };
    this.running.set(buildId, entry);
    return {
      signal: controller.signal,
      end: (outcome) => {
        if (this.running.get(buildId) === entry) this.running.delete(buildId);
        end(outcome);
      },
    };
  }

  of(buildId: string): RunningBuild | undefined {
    return this.running.get(buildId);
  }
}
