import { PeripheryError } from '../api/periphery-error';

/**
 * The long work this agent runs now that the core may cancel, by the id the core gave it (the
 * Build's or the Repo's: one execution at a time per resource, so one entry each). A Build's
 * clone and pre-build, its Docker build, and a Repo's clone and commands register here; the
 * agent's CancelBuild and CancelRepoRun abort the entry's signal, which every step passes on
 * (runCommand kills the command's process group, the /build call is aborted).
 */
export class RunningWork {
  private readonly running = new Map<string, AbortController>();

  /**
   * Runs `work` under `id`; without one it cannot be cancelled. A second run of the same id
   * while one runs is refused (409): the core runs one at a time, so it is a mistake.
   */
  async run<T>(
    request: string,
    id: string | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (!id) return work(new AbortController().signal);
    if (this.running.has(id))
      throw new PeripheryError('CONFLICT', `${request}: work of ${id} is already running here`);
    const controller = new AbortController();
    this.running.set(id, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(id);
    }
  }

  /** Aborts the work running under `id`; none is a 404 naming the request. */
  async cancel(request: string, id: string): Promise<Record<string, never>> {
    const controller = this.running.get(id);
    if (!controller)
      throw new PeripheryError('NOT_FOUND', `${request}: nothing of ${id} is running here`);
    controller.abort();
    return {};
  }
}
