export type SearchCombinator = 'And' | 'Or';

export interface LogSearch {
  terms: string[];
  combinator: SearchCombinator;
  invert?: boolean;
}

/**
 * The lines of `text` that match, as Komodo's `grep` pipeline selects them: `Or` keeps lines
 * with any term, `And` lines with every term, `invert` the lines the others would drop. Terms
 * are plain, case-sensitive text rather than patterns: a user's search can then never be a
 * regular expression that takes the agent minutes to evaluate.
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
