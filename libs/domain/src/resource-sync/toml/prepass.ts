/**
 * Komodo's one pre-pass before reading a sync file: inside `"""` strings backslashes are
 * literal (it doubles them), so Windows paths and regexes in multi-line values survive.
 */
export function escapeBetweenTripleQuotes(text: string): string {
  return text
    .split('"""')
    .map((section, i) => (i % 2 === 0 ? section : section.replaceAll('\\', '\\\\')))
    .join('"""');
}
