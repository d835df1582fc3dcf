import { formatProblem, readSyncFiles } from './index';

const read = (...lines: string[]) =>
  readSyncFiles([{ path: 'alerters.toml', contents: lines.join('\n') }], { exists: () => true });

const telegram = (...params: string[]) =>
  read(
    '[[alerter]]',
    'name = "tg"',
    '[alerter.config]',
    'endpoint.type = "Telegram"',
    ...params.map((p) => `endpoint.params.${p}`),
  );

describe('a secret the file leaves out, as the export does', () => {
  it('is not checked as empty: the stored value stays (a Telegram bot_token)', () => {
    const { declared, problems } = telegram('chat_id = "42"');
    expect(problems.map(formatProblem)).toEqual([]);
    expect(declared.resources[0].config).toEqual({
      endpoint: { type: 'Telegram', params: { chat_id: '42' } },
    });
  });

  it('is checked when given, and the fields beside it still are', () => {
    expect(telegram('chat_id = "42"', 'bot_token = " "').problems.map(formatProblem)).toEqual([
      'alerters.toml:6:alerter[tg].config.endpoint.params.bot_token: must not be empty',
    ]);
    expect(telegram('bot_token = "123:abc"').problems.map(formatProblem)).toEqual([
      'alerters.toml:5:alerter[tg].config.endpoint.params.chat_id: must not be empty',
    ]);
  });
});

describe('a secret the file leaves out, on a resource the sync would create', () => {
  const file = [
    '[[alerter]]',
    'name = "tg"',
    '[alerter.config]',
    'endpoint.type = "Telegram"',
    'endpoint.params.chat_id = "42"',
  ].join('\n');
  const readWith = (exists: boolean) =>
    readSyncFiles([{ path: 'new-alerters.toml', contents: file }], { exists: () => exists });

  it('given the alerter exists, when read, then no problem: its stored secret stays', () => {
    expect(readWith(true).problems).toEqual([]);
  });

  it('given it does not exist yet, when read, then the create would refuse it: an error at its line', () => {
    expect(readWith(false).problems.map(formatProblem)).toEqual([
      'new-alerters.toml:5:alerter[tg].config.endpoint.params.bot_token: must not be empty: a new alerter needs it (only an existing one keeps its stored value)',
    ]);
    // The reading is kept for the next read; what exists is asked each time.
    expect(readWith(true).problems).toEqual([]);
  });
});
