import { walkFlags, type FlagTable } from './flag-words';

type Seen = Record<string, { value: string; explicit: boolean }>;

const TABLE: FlagTable<Seen> = {
  flags: {
    '--memory': { apply: (seen, value, explicit) => void (seen.memory = { value, explicit }) },
    '--init': {
      alone: true,
      apply: (seen, value, explicit) => void (seen.init = { value, explicit }),
    },
    '--cpus': { apply: (_, value) => (value === '0' ? 'needs more than none' : undefined) },
  },
  aliases: { '-m': '--memory' },
  refused: { '--env': 'set the field environment' },
  unknown: (flag, known) => `'${flag}' is unknown (known: ${known})`,
};

const walk = (words: string[]) => {
  const seen: Seen = {};
  return { problems: walkFlags(words, TABLE, seen), seen };
};

describe('walkFlags: a closed list of command-line flags as a table', () => {
  it('takes a value after = or as the next word, by name or alias; a lone flag stands alone', () => {
    expect(walk(['-m', '1g', '--init']).seen).toEqual({
      memory: { value: '1g', explicit: true },
      init: { value: '', explicit: false },
    });
    expect(walk(['--memory=2g', '--init=false']).seen).toEqual({
      memory: { value: '2g', explicit: true },
      init: { value: 'false', explicit: true },
    });
  });

  it.each([
    [['--gpus', 'all', '--init'], ["'--gpus' is unknown (known: --memory, --init, --cpus)"]],
    [['--env', 'A=1'], ['set the field environment']],
    [['--memory'], ['--memory needs a value']],
    [['--cpus=0'], ['--cpus: needs more than none']],
    [
      ['constructor', '__proto__', 'toString'],
      [
        "'constructor' is unknown (known: --memory, --init, --cpus)",
          "'toString' is unknown (known: --memory, --init, --cpus)",
      ],
    ],
  ])('refuses %j by name, its value skipped rather than read as a flag', (words, problems) => {
    expect(walk(words).problems).toEqual(problems);
  });
});
