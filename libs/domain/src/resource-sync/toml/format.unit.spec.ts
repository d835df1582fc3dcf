import fc from 'fast-check';
import { parse } from 'smol-toml';
import { formatInlineTable, formatKey, formatString, formatTable } from './format';
import { escapeBetweenTripleQuotes } from './prepass';

const readPlain = (toml: string) => (parse(toml) as { v: unknown }).v;
const readAsKomodo = (toml: string) => (parse(escapeBetweenTripleQuotes(toml)) as { v: unknown }).v;

describe('formatString', () => {
  it.each([
    ['plain', 'nginx:latest', '"nginx:latest"'],
    ['quotes', 'say "hi"', '"say \\"hi\\""'],
    ['backslashes, which Komodo writes raw (invalid TOML)', 'C:\\data', '"C:\\\\data"'],
    ['lines, as Komodo', 'A = 1\nB = 2\n', '"""\nA = 1\nB = 2\n"""'],
    ['lines with a backslash: a literal string', 'a\\b\nc', "'''\na\\b\nc'''"],
    [
      'lines with both kinds of triple quotes: one escaped line',
      `"""\n'''`,
      '"\\"\\"\\"\\n\'\'\'"',
    ],
    ['a control character', 'a\u0001\nb', '"a\\u0001\\nb"'],
  ])('%s', (_, value, written) => {
    expect(formatString(value)).toBe(written);
    expect(readPlain(`v = ${written}`)).toBe(value);
    expect(readAsKomodo(`v = ${written}`)).toBe(value);
  });

  it('any text reads back the same, with or without Komodo pre-pass', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .array(fc.constantFrom('\n', '"', "'", '\\', '"""', "'''", 'x', '\t', '\r\n'), {
          maxLength: 12,
        })
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(anyText, (value) => {
        const toml = `v = ${formatString(value)}`;
        expect(readPlain(toml)).toBe(value);
        expect(readAsKomodo(toml)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatTable (toml_pretty with Komodo options)', () => {
  const options = { skipEmptyObject: true };

  it('flattens objects to dotted keys and drops empty ones', () => {
    const table = { image: { type: 'Build', params: { build: 'x' } }, empty: {}, n: 3, on: true };
    expect(formatTable(table, options)).toBe(
      'image.type = "Build"\nimage.params.build = "x"\nn = 3\non = true',
    );
    expect(formatTable({ params: {} }, { skipEmptyObject: false })).toBe('params = {}');
  });

  it('writes an array inline up to 30 characters of items, else one item a line', () => {
    expect(formatTable({ tags: ['prod', 'web'] }, options)).toBe('tags = ["prod", "web"]');
    expect(formatTable({ ids: ['sg-xxxxxxxxxxxxxx', 'sg-yyyyyyyyyyyyyy'] }, options)).toBe(
      'ids = [\n  "sg-xxxxxxxxxxxxxx",\n  "sg-yyyyyyyyyyyyyy"\n]',
    );
    expect(formatTable({ empty: [] }, options)).toBe('empty = []');
  });

  it('writes objects inside arrays as inline tables, their arrays inline', () => {
    const item = {
      target: { type: 'Server', id: 'a' },
      level: 'Read',
      specific: ['Logs', 'Inspect', 'Terminal', 'Attach'],
    };
    expect(formatInlineTable(item, options)).toBe(
      '{ target.type = "Server", target.id = "a", level = "Read", specific = ["Logs", "Inspect", "Terminal", "Attach"] }',
    );
  });

  it('quotes keys that are not bare', () => {
    expect(formatKey('com.docker.label')).toBe('"com.docker.label"');
    expect(formatKey('server_id')).toBe('server_id');
    expect(parse(formatTable({ labels: { 'a.b c': 'x' } }, options))).toEqual({
      labels: { 'a.b c': 'x' },
    });
  });
});
