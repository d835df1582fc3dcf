import type { ProcedureRunCommand } from '@monitor/domain';

/**
 * What is decided and not yet written to the run's stream, and the executions' logs being
 * written to the run's Update meanwhile: both are done before the run goes on or ends.
 */
export interface Pending {
  commands: ProcedureRunCommand[];
  logs: Promise<void>[];
}

/** An append to the run's stream, and the logs written meanwhile: the stream's answer. */
export async function written<T>({ logs }: Pending, append: Promise<T>): Promise<T> {
  const [answer] = await Promise.all([append, ...logs]);
  return answer;
}
