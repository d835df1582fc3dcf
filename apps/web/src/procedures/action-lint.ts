import type { Verb } from '@monitor/contracts';
import { requestCalls, scan, type RequestCall } from './action-scan';
import { REQUEST_PARAMS } from './request-params';

const VERBS = Object.keys(REQUEST_PARAMS) as Verb[];

/** A text to put in place of a problem's span (CodeMirror shows it as a button). */
export interface Fix {
  label: string;
  from: number;
  to: number;
  insert: string;
}

export interface Problem {
  from: number;
  to: number;
  message: string;
  fix?: Fix;
}

/**
 * The request names an Action's script calls that Monitor does not answer under that verb: an
 * unknown name (with the closest known one, if any is close), or a name of another verb. Only
 * names written out are checked; this is no type-check of the script.
 */
export function checkRequests(doc: string): Problem[] {
  return requestCalls(scan(doc)).flatMap((call) => {
    if (!call.name || known(call.verb, call.name)) return [];
    const other = VERBS.find((verb) => known(verb, call.name));
    return [other ? wrongVerb(call, other) : unknown(call)];
  });
}

function known(verb: Verb, name: string): boolean {
  return Object.hasOwn(REQUEST_PARAMS[verb], name);
}

function wrongVerb(call: RequestCall, verb: Verb): Problem {
  const method = `${call.client}.${verb}`;
  return {
    from: call.nameFrom,
    to: call.nameTo,
    message: `'${call.name}' is ${verb === 'execute' ? 'an' : 'a'} ${verb} request: call it with ${method}('${call.name}', …)`,
    fix: {
      label: `Use ${method}`,
      from: call.methodFrom,
      to: call.methodFrom + call.method.length,
      insert: verb,
    },
  };
}

function unknown(call: RequestCall): Problem {
  const { name, verb } = call;
  const near = closest(name, Object.keys(REQUEST_PARAMS[verb]));
  const span = { from: call.nameFrom, to: call.nameTo };
  const message = `Monitor answers no ${verb} request '${name}'`;
  if (!near) return { ...span, message };
  return {
    ...span,
    message: `${message}: did you mean '${near}'?`,
    fix: { label: `Use '${near}'`, ...span, insert: near },
  };
}

/**
 * The name a typo most likely meant: the same letters in another case, else the one fewest
 * edits away, if at most a third of the name (and at least two edits) is changed.
 */
export function closest(name: string, names: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameLetters = names.find((n) => n.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name;
}

/** Levenshtein's distance (insert, delete, replace one letter), row by row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, replace));
    }
    previous = row;
  }
  return previous[b.length];
}
