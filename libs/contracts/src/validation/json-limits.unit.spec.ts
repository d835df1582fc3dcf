import { findJsonProblem, type JsonLimits } from './json-limits';

const limits: JsonLimits = { maxDepth: 4, maxKeys: 8 };
const nested = (levels: number): unknown => (levels === 1 ? {} : { a: nested(levels - 1) });

describe('findJsonProblem', () => {
  it('accepts a body within the limits', () => {
    expect(findJsonProblem({ a: [1, 'x', { b: null }], c: true }, limits)).toBeUndefined();
    expect(findJsonProblem(nested(4), limits)).toBeUndefined();
  });
  it('refuses nesting deeper than the limit, naming where', () => {
    expect(findJsonProblem(nested(5), limits)).toEqual({
      field: 'a.a.a.a',
      message: 'is nested deeper than 4 levels',
    });
    expect(findJsonProblem([[[[[]]]]], limits)?.field).toBe('0.0.0.0');
  });
  it('walks 100,000 levels without running out of stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(findJsonProblem(deep, { maxDepth: 64, maxKeys: 1000 })?.message).toMatch(/64 levels/);
  });
  it('counts keys and array items at every level', () => {
    expect(findJsonProblem({ a: 1, b: 2, c: { d: 1, e: 2 }, g: [1, 2] }, limits)).toBeUndefined();
    expect(findJsonProblem({ a: 1, b: 2, c: { d: 1, e: 2, f: 3 }, g: [1, 2] }, limits)).toEqual({
      field: 'body',
      message: 'has more than 8 keys and items in all',
    });
    expect(findJsonProblem({ a: [1, 2, 3], b: [4, 5] }, limits)).toBeUndefined();
    expect(findJsonProblem({ a: [1, 2, 3, 4], b: [5, 6, 7] }, limits)?.message).toMatch(/8 keys/);
  });
  it('refuses numbers JSON.parse made infinite', () => {
    expect(findJsonProblem(JSON.parse('{"config":{"cpu":[1,-1e309]}}'), limits)).toEqual({
      field: 'config.cpu.1',
      message: 'is not a finite number (too large for JSON)',
    });
  });
  it('names the string patched for bytes that were not UTF-8', () => {
    const decoded = Buffer.from([
      ...Buffer.from('{"name":"ok","description":"a'),
      0xff,
      ...Buffer.from('"}'),
    ]).toString('utf8');
    expect(findJsonProblem(JSON.parse(decoded), limits, true)).toEqual({
      field: 'description',
      message: 'is not valid UTF-8',
    });
    expect(findJsonProblem({ 'k\uFFFD': 1 }, limits, true)?.field).toBe('k\uFFFD');
    expect(findJsonProblem({ a: 'k\uFFFD' }, limits, false)).toBeUndefined();
  });
  it('refuses half a surrogate pair, which JSON escapes but UTF-8 cannot hold', () => {
    expect(findJsonProblem(JSON.parse('{"name":"a\\ud800b"}'), limits)).toEqual({
      field: 'name',
      message: 'holds half a surrogate pair, which is not valid Unicode',
    });
    expect(findJsonProblem(JSON.parse('{"\\udc00":1}'), limits)?.message).toMatch(/^\(a key\)/);
    expect(findJsonProblem({ name: 'emoji 😀 ok' }, limits)).toBeUndefined();
  });
});
