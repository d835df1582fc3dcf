import type { ExecutionLog } from '../updates/update';

export type SearchCombinator = 'And' | 'Or';

export interface LogSearch {
  terms: string[];
  combinator: SearchCombinator;
  invert?: boolean;
}

/** How many lines of a log a search reads, from the end: Komodo's. */
export const LOG_SEARCH_TAIL = 5000;

/**
 * The lines of `text` that match, as Komodo's `grep` pipeline selects them: `Or` keeps lines
 * with any term, `And` lines with every term, `invert` the lines the others would drop. Terms
 * are plain, case-sensitive text rather than patterns: a user's search can then never be a
 * regular expression that takes minutes to evaluate.
 */
export function searchLines(text: string, search: LogSearch): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const matches =
    search.combinator === 'And'
      ? (line: string) => search.terms.every((term) => line.includes(term))
      : (line: string) => search.terms.some((term) => line.includes(term));
  return lines.filter((line) => matches(line) !== Boolean(search.invert));
}

/**
 * A search's answer in Komodo's `Log` shape, from the log it read: the matching lines of both
 * streams (stdout's, then stderr's), all on stdout. The log must already be masked: searching
 * before masking would answer whether a secret starts with `a`, then `ab`... one character at a
 * time, from lines the log itself shows only as `*****`.
 */
export function searchedLog(masked: ExecutionLog, search: LogSearch, stage: string): ExecutionLog {
  const lines = searchLines(`${withNewline(masked.stdout)}${masked.stderr}`, search);
  const joiner = search.combinator === 'And' ? ' AND ' : ' OR ';
  const terms = search.terms.map((t) => JSON.stringify(t)).join(joiner);
  return {
    ...masked,
    stage,
    command: `${masked.command} | search ${search.invert ? 'NOT ' : ''}(${terms})`,
    stdout: lines.length ? `${lines.join('\n')}\n` : '',
    stderr: '',
  };
}

/** So that stdout's last line, when unterminated, does not run into stderr's first. */
function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
