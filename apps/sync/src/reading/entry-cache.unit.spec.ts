import { formatProblem, readSyncFiles } from './index';

const read = (contents: string, path = 'entries.toml') =>
  readSyncFiles([{ path, contents }], { exists: () => true });

const stack = (name: string, image: string, extra = '') =>
  [
    '[[stack]]',
    `name = "${name}"`,
    extra,
    '[stack.config]',
    'server = "edge"',
    `file_contents = "${image}"`,
    '',
  ].join('\n');

describe('readEntryCached: an unchanged entry of a changed file answers the same declaration', () => {
  it('given a push changing one entry, when read, then the others are the same objects and the changed one is new', () => {
    const first = read(stack('a', 'a:1') + stack('b', 'b:1') + stack('c', 'c:1'));
    const second = read(stack('a', 'a:1') + stack('b', 'b:2') + stack('c', 'c:1'));
    const [a1, b1, c1] = first.declared.resources;
    const [a2, b2, c2] = second.declared.resources;
    expect(a2).toBe(a1);
    expect(c2).toBe(c1);
    expect(b2).not.toBe(b1);
    expect(b2.config.file_contents).toBe('b:2');
    expect(Object.isFrozen(b2)).toBe(true);
  });

  it('given an entry moved down by a line, when read, then it is read again at its new lines', () => {
    const first = read(stack('d', 'd:1') + stack('e', 'e:1'));
    const twoLines = 'description = "moves e down"\ntags = []';
    const second = read(stack('d', 'd:1', twoLines) + stack('e', 'e:1'));
    const e1 = first.declared.resources[1];
    const e2 = second.declared.resources[1];
    expect(e2).not.toBe(e1);
    expect(e2.source.line).toBe(e1.source.line + 1);
    expect(e2.lines['config.file_contents']).toBe(e1.lines['config.file_contents'] + 1);
    expect(e2.lines['config.server_id']).toBe(e1.lines['config.server_id'] + 1);
  });

  it('given the same entry in another file, when read, then it names its own file', () => {
    const first = read(stack('f', 'f:1'), 'one.toml');
    const other = read(stack('f', 'f:1'), 'two.toml');
    expect(other.declared.resources[0].source.file).toBe('two.toml');
    expect(first.declared.resources[0].source.file).toBe('one.toml');
  });

  it('given an entry without a name at another place, when read, then its problem names its own place', () => {
    const nameless = '[[stack]]\ndescription = "no name"\n';
    const first = read(nameless);
    const second = read(stack('g', 'g:1') + nameless);
    expect(first.problems.map(formatProblem)).toEqual([
      'entries.toml:1:stack[#1].name: is required',
    ]);
    expect(second.problems.map(formatProblem)).toEqual([
      'entries.toml:7:stack[#2].name: is required',
    ]);
  });

  it('given an entry holding a date, when read twice, then its problem both times', () => {
    const dated = stack('h', 'h:1') + 'command_date = 1979-05-27\n';
    for (let i = 0; i < 2; i++) {
      expect(read(dated).problems.map(formatProblem)).toEqual([
        'entries.toml:7:stack[h].config.command_date: is a TOML date, which no field holds: quote it',
      ]);
    }
  });
});
