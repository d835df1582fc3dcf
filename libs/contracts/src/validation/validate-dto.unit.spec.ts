import { CreateResourceDto, CreateVariableDto } from '@monitor/contracts';
import { validateDto } from './validate-dto';

describe('validateDto', () => {
  it('refuses prototype keys as unknown fields, at any level', () => {
    for (const body of [
      '{"name":"a","__proto__":{"x":1}}',
      '{"name":"a","constructor":{"prototype":{"x":1}}}',
      '{"name":"a","constructor":1}',
      '{"name":"a","prototype":"x"}',
      '{"name":"a","config":{"__proto__":{"image":"x"}}}',
      '{"name":"a","config":{"constructor":{}}}',
    ]) {
      const result = validateDto(CreateResourceDto, JSON.parse(body));
      expect([body, result.ok]).toEqual([body, false]);
    }
  });
  it('names the prototype key', () => {
    const result = validateDto(CreateVariableDto, JSON.parse('{"name":"A","__proto__":{}}'));
    expect(result).toEqual({
      ok: false,
      errors: [{ field: '__proto__', message: "unknown field '__proto__'" }],
    });
  });
  it('accepts a valid body', () => {
    expect(validateDto(CreateVariableDto, { name: 'A', value: 'b' }).ok).toBe(true);
  });
  it('refuses input deeper or larger than any boundary accepts, before transforming it', () => {
    const deep = JSON.parse(`{"name":"A","value":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expect(validateDto(CreateVariableDto, deep)).toEqual({
      ok: false,
      errors: [
        {
          field: expect.stringMatching(/^value(\.0)+/),
          message: expect.stringMatching(/deeper than 128 levels$/),
        },
      ],
    });
    const wide = { name: 'A', value: Array.from({ length: 30_000 }, () => 'x') };
    expect(validateDto(CreateVariableDto, wide)).toEqual({
      ok: false,
      errors: [{ field: 'params', message: 'params: has more than 20000 keys and items in all' }],
    });
  });
});
