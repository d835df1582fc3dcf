import { fieldError, LineProblem, orThrow, problem, type FieldResult } from './errors';

// Inside double quotes a backslash escapes only these (POSIX), and is kept before anything else.
const DOUBLE_QUOTE_ESCAPES = '\\"$`\n';

/** The double-quoted text from `open` (the quote): [the text, the index of the closing quote]. */
function doubleQuoted(command: string, open: number): [string, number] {
  let text = '';
  for (let i = open + 1; i < command.length; i++) {
    const c = command[i];
    if (c === '"') return [text, i];
    if (c === '\\' && DOUBLE_QUOTE_ESCAPES.includes(command[i + 1] ?? '')) {
      if (command[i + 1] !== '\n') text += command[i + 1];
      i++;
    } else {
      text += c;
    }
  }
  return problem(`unterminated " quote at character ${open + 1}`);
}

/**
 * The command's words, split as `sh` would split them but without running one: white space
 * separates words; '…' keeps everything literally; "…" keeps everything but `\"`, `\\`, `\$`,
 * `\`` and `\<newline>`; a backslash outside quotes escapes the next character (a line
 * continuation when that is a newline); `#` starting a word comments out the rest of the line.
 * Nothing is expanded (`$HOME`, `*`, `;`, `|` stay literal): for those, `sh -c '…'`.
 */
function words(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      const end = command.indexOf('\n', i);
      i = end < 0 ? command.length : end - 1;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) problem(`unterminated ' quote at character ${i + 1}`);
      word += command.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      const [text, end] = doubleQuoted(command, i);
      word += text;
      inWord = true;
      i = end;
    } else if (c === '\\') {
      if (i + 1 >= command.length) problem('ends with a lone backslash');
      if (command[i + 1] !== '\n') {
        word += command[i + 1];
        inWord = true;
      }
      i++;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

export function collectCommand(command: string, field = 'command'): FieldResult<string[]> {
  try {
    return { value: words(command), errors: [] };
  } catch (error) {
    if (!(error instanceof LineProblem)) throw error;
    return { value: [], errors: [fieldError(field, error.message)] };
  }
}

/** The command's words; a 400 naming the field when a quote is left open. */
export function splitCommand(command: string, field = 'command'): string[] {
  return orThrow(collectCommand(command, field));
}
