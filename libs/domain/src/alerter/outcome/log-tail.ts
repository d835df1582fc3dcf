import {
  appendTail,
  emptyTail,
  splitLines,
  type ExecutionLog,
  type OutputCaps,
} from '../../updates/update';

/**
 * What an outcome alert keeps of a failed stage's log, for chat services that show little:
 * 20 lines, 2 KiB (newlines counted); a longer line is cut at 512 characters so one huge line
 * still leaves something.
 */
export const LOG_TAIL_CAPS: OutputCaps = { lines: 20, bytes: 2 * 1024, lineLength: 512 };

/**
 * The end of a stage's log, stderr after stdout (a failure's reason is most often last). The
 * log is masked already: the Update holds nothing else.
 */
export function logTail(log: Pick<ExecutionLog, 'stdout' | 'stderr'>): string {
  const lines = [...splitLines(log.stdout), ...splitLines(log.stderr)];
  return appendTail(emptyTail(), lines, LOG_TAIL_CAPS).lines.join('\n');
}
