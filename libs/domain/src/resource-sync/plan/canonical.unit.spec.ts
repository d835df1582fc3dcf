import fc from 'fast-check';
import { canonicalJson } from './canonical';

/** The text as first written: each level joined on its own. */
function reference(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('any'), { maxKeys: 5 }),
  ),
})).any;

describe('canonicalJson', () => {
  it('given any JSON-like value, when written, then the text as first written', () => {
    fc.assert(
      fc.property(value, (v) => expect(canonicalJson(v)).toBe(reference(v))),
      { numRuns: 1000 },
    );
  });

  it('given the same object built in two orders, when written, then the same sorted text', () => {
    expect(canonicalJson({ b: [1, undefined, { y: 2, x: '1' }], a: undefined, c: null })).toBe(
      '{"b":[1,null,{"x":"1","y":2}],"c":null}',
    );
    expect(canonicalJson({ c: null, b: [1, undefined, { x: '1', y: 2 }] })).toBe(
      canonicalJson({ b: [1, undefined, { y: 2, x: '1' }], c: null }),
    );
  });
});
