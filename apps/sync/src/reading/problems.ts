import type { SyncProblem, SyncProblemSeverity } from '@monitor/domain';

/** `file:line:field: message`, how every problem reads. */
export function formatProblem(problem: SyncProblem): string {
  return `${problem.file}:${problem.line}:${problem.field}: ${problem.message}`;
}

export function syncProblem(
  severity: SyncProblemSeverity,
  file: string,
  line: number,
  field: string,
  message: string,
): SyncProblem {
  return { file, line, field, severity, message };
}

export const hasErrors = (problems: SyncProblem[]) => problems.some((p) => p.severity === 'error');

/** Errors first, then by file and line: the order a reader fixes them in. */
export function sortProblems(problems: SyncProblem[]): SyncProblem[] {
  const rank = (p: SyncProblem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.field.localeCompare(b.field),
  );
}
