import fc from 'fast-check';
import { parse } from 'smol-toml';
import { scanKeyLines } from './key-lines';
import { escapeBetweenTripleStrings } from './prepass';

describe('scanKeyLines', () => {
  it('places tables, arrays of tables, dotted keys and array items', () => {
    const text = [
      '[[deployment]]', // 1
      'name = "a" # a comment with = and [brackets]',
      '[deployment.config]',
      'image.type = "Build"',
      'environment = """',
      'A = "[[x]]"',
      '"""',
      '[[deployment]]', // 8
      "name = 'b'",
      'config.labels = [',
      '  { variable = "x", value = "y" },',
      '  # between items',
      '  { variable = "z",',
      '    value = "w" },',
      ']',
      '[[procedure]]', // 16
      '[[procedure.config.stage]]',
      '"quoted key" = 1',
      '[[procedure.config.stage]]',
      'executions = [{ execution.type = "RunBuild" }]',
    ].join('\n');
    expect(Object.fromEntries(scanKeyLines(text))).toMatchObject({
      'deployment.0': 1,
      'deployment.0.name': 2,
      'deployment.0.config': 3,
      'deployment.0.config.image.type': 4,
      'deployment.0.config.environment': 5,
      'deployment.1': 8,
      'deployment.1.config.labels.0.value': 11,
      'deployment.1.config.labels.1': 13,
      'deployment.1.config.labels.1.value': 14,
      'procedure.0': 16,
      'procedure.0.config.stage.0': 17,
      'procedure.0.config.stage.0.quoted key': 18,
      'procedure.0.config.stage.1': 19,
      'procedure.0.config.stage.1.executions.0.execution.type': 20,
    });
  });
});

describe('escapeBetweenTripleStrings (Komodo)', () => {
  it('doubles backslashes between """ pairs only, adding no line', () => {
    const text = 'a = "\\t"\nb = """\n\\d+ \\\n"""\nc = "\\n"';
    const escaped = escapeBetweenTripleStrings(text);
    expect(escaped).toBe('a = "\\t"\nb = """\n\\\\d+ \\\\\n"""\nc = "\\n"');
    expect(parse(escaped)).toEqual({ a: '\t', b: '\\d+ \\\n', c: '\n' });
  });
});

/*
 * Property: over generated documents (arrays of tables, sub-tables, dotted keys, strings of every
 * kind spanning lines, multi-line arrays of inline tables, comments, blank lines), each key's
 * line is where its text stands, and the document is valid TOML that smol-toml reads.
 */

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

const KEY = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((k) => k !== 'config');
/** Text for strings, with what would mislead a naive scanner: `#`, `=`, brackets, braces. */
const TEXT = fc.string({ unit: fc.constantFrom(...'ab Z09#=[]{}.,:-_'), maxLength: 12 });

/** A value as lines of text; `items` are the inline tables' keys of a multi-line array. */
type Rendered = { lines: string[]; items?: { key: string; offset: number }[][] };

const VALUE: fc.Arbitrary<Rendered> = fc.oneof(
  fc.integer().map((n) => ({ lines: [String(n)] })),
  fc.boolean().map((b) => ({ lines: [String(b)] })),
  TEXT.map((t) => ({ lines: [`"${t} # not a comment = [x]"`] })),
  TEXT.map((t) => ({ lines: [`'${t}'`] })),
  fc
    .array(TEXT, { maxLength: 3 })
    .map((ts) => ({ lines: ['"""', ...ts.map((t) => `${t} [[fake]]`), '"""'] })),
  fc.array(TEXT, { maxLength: 3 }).map((ts) => ({ lines: ["'''", ...ts, "'''"] })),
  fc.array(fc.uniqueArray(KEY, { minLength: 1, maxLength: 3 }), { maxLength: 3 }).map((tables) => ({
    lines: [
      '[',
      ...tables.flatMap((keys) => [
        '  # an item',
        `  { ${keys.map((k) => `${k} = 1`).join(', ')} },`,
      ]),
      ']',
    ],
    items: tables.map((keys, i) => keys.map((key) => ({ key, offset: 2 + i * 2 }))),
  })),
);

const BODY = fc.uniqueArray(fc.tuple(KEY, fc.boolean(), VALUE), {
  selector: ([k]) => k,
  maxLength: 5,
});

const DOCUMENT = fc.array(fc.record({ body: BODY, config: BODY, blank: fc.boolean() }), {
  minLength: 1,
  maxLength: 4,
});

function render(doc: Of<typeof DOCUMENT>) {
  const text: string[] = [];
  const expected = new Map<string, { line: number; key: string }>();
  const body = (base: string, keys: Of<typeof BODY>) => {
    for (const [key, dotted, value] of keys) {
      const line = text.length + 1;
      const path = dotted ? `${base}.${key}.inner` : `${base}.${key}`;
      expected.set(path, { line, key: dotted ? 'inner' : key });
      const [first, ...rest] = value.lines;
      text.push(`${dotted ? `${key}.inner` : key} = ${first}`, ...rest);
      value.items?.forEach((item, i) => {
        for (const { key: itemKey, offset } of item)
          expected.set(`${path}.${i}.${itemKey}`, { line: line + offset, key: itemKey });
      });
    }
  };
  doc.forEach(({ body: keys, config, blank }, i) => {
    expected.set(`res.${i}`, { line: text.length + 1, key: '[[res]]' });
    text.push('[[res]]');
    body(`res.${i}`, keys);
    if (blank) text.push('', '# a comment');
    expected.set(`res.${i}.config`, { line: text.length + 1, key: '[res.config]' });
    text.push('[res.config]');
    body(`res.${i}.config`, config);
  });
  return { text: text.join('\n'), expected };
}

it('points each key at the line holding its text (property)', () => {
  fc.assert(
    fc.property(DOCUMENT, (doc) => {
      const { text, expected } = render(doc);
      expect(() => parse(text)).not.toThrow();
      const found = scanKeyLines(text);
      const textLines = text.split('\n');
      for (const [path, { line, key }] of expected) {
        expect({ path, line: found.get(path) }).toEqual({ path, line });
        expect(textLines[line - 1]).toContain(key);
      }
    }),
    { numRuns: 300 },
  );
});
