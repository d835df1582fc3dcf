import type { Verb } from '@monitor/contracts';
import { CLIENT_MEMBERS, GLOBALS, type Member } from './action-globals';
import { scan, verbOf } from './action-scan';
import { REQUEST_PARAMS } from './request-params';

/** One completion, in CodeMirror's terms (`apply`: the text put in, when not the label). */
export interface Offer {
  label: string;
  type: 'function' | 'property' | 'variable' | 'constant';
  detail?: string;
  info?: string;
  apply?: string;
}

/** What to offer at a position: the offers and where the word they complete starts. */
export interface Completions {
  from: number;
  options: Offer[];
}

const REQUEST_NAME = /\b(komodo|monitor)\s*\.\s*(\w+)\s*\(\s*['"`](\w*)$/;
const MEMBER = /\b(komodo|monitor)\s*\.\s*([\w$]*)$/;
const PARAMS_OPEN = /\b(komodo|monitor)\s*\.\s*(\w+)\s*\(\s*(['"`])(\w+)\3\s*,\s*$/;
const KEY = /^\s*([A-Za-z_$][\w$]*)?$/;
const WORD = /(?:^|[^.\w$])([A-Za-z_$][\w$]*)$/;

/**
 * The completions at `pos` of an Action's script: the client's members after `komodo.` or
 * `monitor.`; the request names of the verb in the string naming a request; the request's
 * params as keys of the object after it; the script's globals as a word. Nothing in comments.
 * `explicit`: asked for (Ctrl-Space), so a word not yet begun is completed too.
 */
export function completeAt(doc: string, pos: number, explicit = false): Completions | null {
  const before = scan(doc.slice(0, pos));
  if (before.endsIn === 'comment') return null;
  if (before.endsIn === 'string') return requestNames(before.code, pos);
  const member = MEMBER.exec(before.code);
  if (member) return offerMembers(CLIENT_MEMBERS[member[1]], pos - member[2].length, 'function');
  const params = requestParams(before.code, before.bare, pos);
  if (params) return params;
  const word = WORD.exec(before.code);
  if (word || explicit) return offerMembers(GLOBALS, pos - (word?.[1].length ?? 0), 'variable');
  return null;
}

function offerMembers(
  members: Readonly<Record<string, Member>>,
  from: number,
  type: Offer['type'],
) {
  return { from, options: Object.entries(members).map(([label, m]) => ({ label, type, ...m })) };
}

/** `komodo.execute('Dep|`: the execute requests, each with its params as detail. */
function requestNames(code: string, pos: number): Completions | null {
  const m = REQUEST_NAME.exec(code);
  const verb = m && verbOf(m[1], m[2]);
  if (!m || !verb) return null;
  const options = Object.entries(REQUEST_PARAMS[verb]).map(([label, params]) => ({
    label,
    type: 'constant' as const,
    detail: params.length ? `{ ${params.join(', ')} }` : '{}',
    info: `${verb} request`,
  }));
  return { from: pos - m[3].length, options };
}

/** `komodo.execute('Deploy', { dep|`: the params of that request not given yet. */
function requestParams(code: string, bare: string, pos: number): Completions | null {
  const brace = openBrace(bare);
  if (brace < 0) return null;
  const call = PARAMS_OPEN.exec(code.slice(0, brace));
  const verb = call && verbOf(call[1], call[2]);
  const params = verb && paramsOf(verb, call[4]);
  if (!params) return null;
  const parts = topLevelParts(bare.slice(brace + 1));
  const key = KEY.exec(parts.pop() ?? '');
  if (!key) return null;
  const given = new Set(parts.map((p) => /^\s*(\w+)/.exec(p)?.[1]));
  const options = params
    .map((p) => ({ name: p.replace(/\?$/, ''), optional: p.endsWith('?') }))
    .filter(({ name }) => !given.has(name))
    .map(({ name, optional }) => ({
      label: name,
      type: 'property' as const,
      detail: optional ? 'optional' : 'required',
      apply: `${name}: `,
    }));
  return { from: pos - (key[1]?.length ?? 0), options };
}

function paramsOf(verb: Verb, name: string): readonly string[] | undefined {
  return Object.hasOwn(REQUEST_PARAMS[verb], name) ? REQUEST_PARAMS[verb][name] : undefined;
}

const OPENING: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** Where the innermost `{` still open at the end of `bare` is, or -1. */
function openBrace(bare: string): number {
  const open: { c: string; at: number }[] = [];
  for (let i = 0; i < bare.length; i++) {
    const c = bare[i];
    if (c === '(' || c === '[' || c === '{') open.push({ c, at: i });
    else if (OPENING[c] && open.at(-1)?.c === OPENING[c]) open.pop();
  }
  const inner = open.at(-1);
  return inner?.c === '{' ? inner.at : -1;
}

/** An object's text so far, split at its own commas (not those of the values inside it). */
function topLevelParts(body: string): string[] {
  const parts = [''];
  let depth = 0;
  for (const c of body) {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) parts.push('');
    else parts[parts.length - 1] += c;
  }
  return parts;
}
