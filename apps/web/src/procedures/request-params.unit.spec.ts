import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { REQUESTS, VERBS } from '@monitor/contracts';
import { REQUEST_PARAMS } from './request-params';

/*
 * The browser may not load the catalogue (its DTOs bring class-validator), so the Action editor
 * reads a copy made from it: each request's params as its DTO declares them, `?` when optional.
 * After a change to the catalogue: WRITE_REQUEST_PARAMS=1 npx jest <this file>.
 */
const FILE = join(__dirname, 'request-params.ts');

function paramsOf(dto: new () => object): string[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const optional = new Set(rules.filter((r) => r.name === 'isOptional').map((r) => r.propertyName));
  return [...new Set(rules.map((r) => r.propertyName))].map((p) => (optional.has(p) ? `${p}?` : p));
}

function catalogueParams(): Record<string, Record<string, string[]>> {
  return Object.fromEntries(
    VERBS.map((verb) => {
      const entries = Object.entries(REQUESTS[verb]) as [string, { dto: new () => object }][];
      const sorted = entries.sort(([a], [b]) => a.localeCompare(b));
      return [verb, Object.fromEntries(sorted.map(([name, { dto }]) => [name, paramsOf(dto)]))];
    }),
  );
}

function write(params: Record<string, Record<string, string[]>>) {
  const text = [
    "import type { Verb } from '@monitor/contracts';",
    '',
    'type Params = Readonly<Record<string, readonly string[]>>;',
    '',
    '/**',
    ' * Generated from the request catalogue by request-params.unit.spec.ts (do not edit): each',
    ' * request Monitor answers, by verb, and its params (`?`: optional).',
    ' */',
    `export const REQUEST_PARAMS: Readonly<Record<Verb, Params>> = ${JSON.stringify(params)};`,
    '',
  ].join('\n');
  writeFileSync(FILE, text);
  execFileSync('npx', ['prettier', '--write', FILE], { stdio: 'ignore' });
}

describe("the Action editor's copy of the request catalogue", () => {
  it('is the catalogue: every request by verb and its params (WRITE_REQUEST_PARAMS=1 rewrites it)', () => {
    const params = catalogueParams();
    if (process.env.WRITE_REQUEST_PARAMS) write(params);
    expect(REQUEST_PARAMS).toEqual(params);
  });

  it("reads a request's params from its DTO, optional ones marked", () => {
    expect(paramsOf(REQUESTS.execute.Deploy.dto)).toEqual([
      'deployment',
      'stop_signal?',
      'stop_time?',
    ]);
    expect(paramsOf(REQUESTS.read.GetVersion.dto)).toEqual([]);
  });
});
