import { parseKeyValueLines, parseListLines } from './index';

const pairs = (text: string) =>
  parseKeyValueLines(text, 'environment').map(({ key, value }) => [key, value]);

describe('parseKeyValueLines', () => {
  it.each([
    ['KEY=value', ['KEY', 'value']],
    ['KEY = value', ['KEY', 'value']],
    ['KEY: value', ['KEY', 'value']],
    ['- KEY=value', ['KEY', 'value']],
    ['- "KEY=value"', ['KEY', 'value']],
    ["- 'KEY: value'", ['KEY', 'value']],
    ['KEY="quoted value"', ['KEY', 'quoted value']],
    ['"KEY = \'inner\'"', ['KEY', 'inner']],
    ['"KEY"="value"', ['KEY', 'value']],
    ['URL=http://host:80/path', ['URL', 'http://host:80/path']],
    ['KEY: a=b', ['KEY', 'a=b']],
    ['EMPTY=', ['EMPTY', '']],
    ['PASS=a#b', ['PASS', 'a#b']],
    ['PASS="a #b"', ['PASS', 'a #b']],
    ['KEY=value # a note', ['KEY', 'value']],
    ["MSG=it's here # a note", ['MSG', "it's here"]],
    ['KEY=value\t# tab before the note', ['KEY', 'value']],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual([expected]);
  });

  it('skips comments and blank lines, and numbers lines as written (1-based)', () => {
    const text = '# heading\n\nA=1\r\n  // also a comment\n  - B: 2\n-\n';
    expect(parseKeyValueLines(text, 'environment')).toEqual([
      { key: 'A', value: '1', line: 3 },
      { key: 'B', value: '2', line: 5 },
    ]);
  });

  it('names the field and the line of a line without = or :', () => {
    expect(() => parseKeyValueLines('A=1\n\nFOO\n', 'environment')).toThrow(
      "environment line 3: 'FOO' has no '=' or ':'",
    );
  });

  it('refuses a missing key', () => {
    expect(() => parseKeyValueLines('=value', 'labels')).toThrow(
      "labels line 1: '=value' has no key before '='",
    );
  });

  it('reports every bad line at once, as a VALIDATION error with the list', () => {
    try {
      parseKeyValueLines('FOO\nA=1\nBAR', 'environment');
      throw new Error('no error');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'VALIDATION',
        message:
          "environment line 1: 'FOO' has no '=' or ':'; environment line 3: 'BAR' has no '=' or ':'",
        details: {
          errors: [
            { field: 'environment', line: 1 },
            { field: 'environment', line: 3 },
          ],
        },
      });
    }
  });

  it('cuts comments before expanding, and keeps the line of an expansion of several lines', () => {
    const expand = (text: string) =>
      text.replace('[[BLOCK]]', 'X=1\n# note\nY=2').replace('[[S]]', 'p #w');
    expect(
      parseKeyValueLines('[[BLOCK]]\nPASS=[[S]] # comment', 'environment', { expand }),
    ).toEqual([
      { key: 'X', value: '1', line: 1 },
      { key: 'Y', value: '2', line: 1 },
      { key: 'PASS', value: 'p #w', line: 2 },
    ]);
  });

  it('splits key and value before expanding: a multi-line value stays whole', () => {
    const expand = (text: string) =>
      text
        .replace('[[PEM]]', '-----BEGIN KEY-----\nAAAA\n-----END KEY-----')
        .replace('[[P]]', 'APP');
    expect(parseKeyValueLines('KEY=[[PEM]]\n[[P]]_HOST: "db"', 'environment', { expand })).toEqual([
      { key: 'KEY', value: '-----BEGIN KEY-----\nAAAA\n-----END KEY-----', line: 1 },
      { key: 'APP_HOST', value: 'db', line: 2 },
    ]);
  });

  it('takes the separator only as written, never from a variable', () => {
    const expand = (text: string) => text.replace('[[REST]]', '=1');
    expect(() => parseKeyValueLines('A=1\nFOO[[REST]]', 'environment', { expand })).toThrow(
      "environment line 2: 'FOO[[REST]]' has no '=' or ':'",
    );
  });
});

describe('parseListLines', () => {
  it('reads plain lines and YAML list items, quotes stripped one level', () => {
    const text = '8080:80\n- "8081:81"\n- \'8082:82\'\n  -   8083:83 # note\n# 9090:90\n';
    expect(parseListLines(text, 'ports')).toEqual([
      { value: '8080:80', line: 1 },
      { value: '8081:81', line: 2 },
      { value: '8082:82', line: 3 },
      { value: '8083:83', line: 4 },
    ]);
  });
});
