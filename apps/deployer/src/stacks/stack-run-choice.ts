/** What the caller of a stack execution chose, in Komodo's params. */
export interface StackRunChoice {
  services?: string[];
  /** Seconds compose waits for a container to stop before killing it; else its grace period. */
  stop_time?: number;
}

/** DestroyStack's: Komodo's `remove_orphans` and Monitor's `remove_volumes` besides. */
export interface DestroyChoice extends StackRunChoice {
  remove_volumes?: boolean;
  remove_orphans?: boolean;
}

/**
 * The agent's `timeout` when the caller chose a `stop_time`, else nothing: compose then waits
 * each service's own `stop_grace_period`, and an agent that predates the field still answers.
 */
export function stopTimeout(stop_time: number | undefined): { timeout?: number } {
  return stop_time === undefined ? {} : { timeout: stop_time };
}
