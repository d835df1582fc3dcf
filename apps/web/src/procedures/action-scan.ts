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

export function scan(text: string): Scanned {
  const code: string[] = [];
  const bare: string[] = [];
  let state: 'code' | 'line' | 'block' | "'" | '"' | '`' = 'code';
  const keep = (c: string, inBare = c) => {
    code.push(c);
    bare.push(inBare);
  };
  // Blanked characters keep line breaks, so offsets and lines stay where they were.
  const blank = (c: string) => keep(c === '\n' ? c : ' ', c === '\n' ? c : ' ');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (state === 'code') {
      if (c === '/' && next === '/') state = 'line';
      else if (c === '/' && next === '*') state = 'block';
      else if (c === "'" || c === '"' || c === '`') state = c;
      if (state === 'line' || state === 'block') {
        blank(c);
        blank(next);
        i++;
      } else keep(c);
    } else if (state === 'line') {
      if (c === '\n') state = 'code';
      blank(c);
    } else if (state === 'block') {
      if (c === '*' && next === '/') {
        blank(c);
        blank(next);
        i++;
        state = 'code';
      } else blank(c);
    } else if (c === '\\') {
      keep(c, ' ');
      if (i + 1 < text.length) keep(next, next === '\n' ? next : ' ');
      i++;
    } else if (c === state) {
      keep(c);
      state = 'code';
    } else if (c === '\n' && state !== '`') {
      // A quote left open ends with its line, as the parser reads it.
      keep(c);
      state = 'code';
    } else keep(c, c === '\n' ? c : ' ');
  }
  const endsIn =
    state === 'code' ? 'code' : state === 'line' || state === 'block' ? 'comment' : 'string';
  return { code: code.join(''), bare: bare.join(''), endsIn };
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
