import type { Verb } from '@monitor/contracts';

/**
 * A script read as far as the editor needs, keeping every offset: `code` has its comments
 * blanked, `bare` its string contents too (quotes kept), so brackets and names are found in code
 * only. `endsIn` says where the text's end is (the cursor, when the text is what precedes it).
 * Regular expression literals are read as code: a quote in one may mislead the reading.
 */
export interface Scanned {
  code: string;
  bare: string;
  endsIn: 'code' | 'string' | 'comment';
}

type State = 'code' | 'line' | 'block' | "'" | '"' | '`';

/** In each state, what may end it: the reading jumps from one of these to the next. */
const STOP: Readonly<Record<State, RegExp>> = {
  code: /\/[/*]|['"`]/g,
  line: /\n/g,
  block: /\*\//g,
  "'": /[\\'\n]/g,
  '"': /[\\"\n]/g,
  '`': /[\\`]/g,
};

/** Blanked text keeps its line breaks, so offsets and lines stay where they were. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

export function scan(text: string): Scanned {
  let code = '';
  let bare = '';
  let state: State = 'code';
  let at = 0;
  while (at < text.length) {
    const stop: RegExp = STOP[state];
    stop.lastIndex = at;
    const found: RegExpExecArray | null = stop.exec(text);
    const run = text.slice(at, found ? found.index : text.length);
    const inComment = state === 'line' || state === 'block';
    code += inComment ? blank(run) : run;
    bare += state === 'code' ? run : blank(run);
    if (!found) break;
    const token: string = found[0] === '\\' ? text.slice(found.index, found.index + 2) : found[0];
    at = found.index + token.length;
    if (state === 'code' && (token === '//' || token === '/*')) {
      code += '  ';
      bare += '  ';
      state = token === '//' ? 'line' : 'block';
    } else if (state === 'block') {
      code += '  ';
      bare += '  ';
      state = 'code';
    } else if (token.startsWith('\\')) {
      code += token;
      bare += blank(token);
    } else {
      // A quote opening or closing, or a line's end, which also ends a quote left open.
      code += token;
      bare += token;
      state = state === 'code' ? (token as State) : 'code';
    }
  }
  const endsIn =
    state === 'code' ? 'code' : state === 'line' || state === 'block' ? 'comment' : 'string';
  return { code, bare, endsIn };
}

/** The clients a script has and, for each, the methods that take a request name and its verb. */
export const REQUEST_METHODS: Readonly<Record<string, Readonly<Record<string, Verb>>>> = {
  komodo: { read: 'read', write: 'write', execute: 'execute', execute_and_poll: 'execute' },
  monitor: { read: 'read', write: 'write', execute: 'execute' },
};

/** The verb a client's method takes names of, if it takes any. */
export function verbOf(client: string, method: string): Verb | undefined {
  return Object.hasOwn(REQUEST_METHODS, client) && Object.hasOwn(REQUEST_METHODS[client], method)
    ? REQUEST_METHODS[client][method]
    : undefined;
}

/** `komodo.read('GetStack'`: a call naming a request, with where the name and method are. */
export interface RequestCall {
  client: string;
  method: string;
  methodFrom: number;
  verb: Verb;
  name: string;
  nameFrom: number;
  nameTo: number;
}

const CALL = /\b(komodo|monitor)(\s*\.\s*)(\w+)(\s*\(\s*)(['"`])(\w*)\5/g;

/** Every call in the script's code (not its comments or strings) naming a request. */
export function requestCalls({ code, bare }: Scanned): RequestCall[] {
  const calls: RequestCall[] = [];
  for (const m of code.matchAll(CALL)) {
    const [, client, dot, method, open, , name] = m;
    const verb = verbOf(client, method);
    if (!verb || bare.slice(m.index, m.index + client.length) !== client) continue;
    const methodFrom = m.index + client.length + dot.length;
    const nameFrom = methodFrom + method.length + open.length + 1;
    calls.push({
      client,
      method,
      methodFrom,
      verb,
      name,
      nameFrom,
      nameTo: nameFrom + name.length,
    });
  }
  return calls;
}
