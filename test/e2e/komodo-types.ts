import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Komodo's request types, read from `komodo_client`'s types.d.ts (the judge of issue 12): the
 * request names of its Read, Write and Execute unions and the params each request's interface
 * declares.
 */
const SOURCE = readFileSync(join(dirname(require.resolve('komodo_client')), 'types.d.ts'), 'utf8');

export type KomodoVerb = 'read' | 'write' | 'execute';

const UNIONS: Record<KomodoVerb, string> = {
  read: 'ReadRequest',
  write: 'WriteRequest',
  execute: 'ExecuteRequest',
};

export interface KomodoRequest {
  verb: KomodoVerb;
  name: string;
}

export interface KomodoParam {
  name: string;
  optional: boolean;
  /** The TypeScript type as written (`string`, `U64`, `ResourceTarget`, `string[]`...). */
  type: string;
}

/** Every request of the three unions, in the order types.d.ts declares them. */
export function komodoRequests(): KomodoRequest[] {
  return (Object.keys(UNIONS) as KomodoVerb[]).flatMap((verb) => {
    const start = SOURCE.indexOf(`export type ${UNIONS[verb]} = {`);
    if (start < 0) throw new Error(`types.d.ts declares no ${UNIONS[verb]}`);
    const end = SOURCE.indexOf('\nexport ', start + 1);
    const union = SOURCE.slice(start, end);
    return [...union.matchAll(/type: "(\w+)"/g)].map(([, name]) => ({ verb, name }));
  });
}

/** The declaration `export <keyword> <name> ...` up to its closing line, without comments. */
function declaration(keyword: string, name: string): string | undefined {
  const head = new RegExp(`^export ${keyword} ${name}(<[^>]*>)? `, 'm').exec(SOURCE);
  if (!head) return undefined;
  const end = SOURCE.indexOf('\n}', head.index);
  return SOURCE.slice(head.index, end + 2)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
}

/** The params of a request: its interface's fields (none for an empty one). */
export function komodoParams(request: string): KomodoParam[] {
  const body = declaration('interface', request);
  if (body === undefined) throw new Error(`types.d.ts has no interface ${request}`);
  const fields: KomodoParam[] = [];
  for (const match of body.matchAll(/^ {4}(\w+)(\??): ([^;]+);$/gm)) {
    fields.push({ name: match[1], optional: match[2] === '?', type: match[3].trim() });
  }
  return fields;
}

/** The first value of an enum (`export declare enum X { A = "a" }`), or undefined. */
export function firstEnumValue(type: string): string | undefined {
  const body = declaration('declare enum', type);
  return body ? /= "([^"]*)"/.exec(body)?.[1] : undefined;
}

/** The first member of a string union type alias (`export type X = "a" | "b"`), or undefined. */
export function firstLiteral(type: string): string | undefined {
  const alias = new RegExp(`^export type ${type} = ([^;]+);`, 'm').exec(SOURCE);
  return alias ? /^\s*"([^"]*)"/.exec(alias[1])?.[1] : undefined;
}

/**
 * The fields an answer of `type` must have (its interface's non-optional fields), following
 * aliases (`GetDeploymentResponse = Deployment = Resource<...>`); `list` when it is an array of
 * them. Undefined where the type is no interface (a union, a map, `any`).
 */
export function requiredFields(type: string): { list: boolean; fields: string[] } | undefined {
  const body = declaration('interface', type);
  if (body !== undefined) {
    const fields = [...body.matchAll(/^ {4}(\w+): [^;]+;$/gm)].map(([, name]) => name);
    return { list: false, fields };
  }
  const alias = new RegExp(`^export type ${type} = ([^;]+);`, 'm').exec(SOURCE)?.[1].trim();
  const named = alias && /^(\w+)(<.*>)?(\[\])?$/.exec(alias);
  if (!named) return undefined;
  const inner = requiredFields(named[1]);
  return inner && { list: inner.list || named[3] !== undefined, fields: inner.fields };
}
