import { formatProblem, readSyncFiles } from './index';

const read = (contents: string) =>
  readSyncFiles([{ path: 'a.toml', contents }], { exists: () => true });

const text = (config: string) =>
  ['[[deployment]]', 'name = "d"', '[deployment.config]', 'server = "s"', config].join('\n');

describe('a checked config is remembered for the next read of the same text', () => {
  it('answers the same declaration again, lines of renamed aliases included', () => {
    const first = read(text('restart = "always"'));
    const again = read(text('restart = "always"'));
    expect(again).toEqual(first);
    expect(again.declared.resources[0].lines['config.server_id']).toBe(4);
  });

  it('hands out copies: changing an answer changes no later one', () => {
    const first = read(text('links = ["https://a.example"]'));
    (first.declared.resources[0].config.links as string[]).push('changed');
    expect(read(text('links = ["https://a.example"]')).declared.resources[0].config.links).toEqual([
      'https://a.example',
    ]);
  });

  it('tells a date from its text', () => {
    const asText = read(text('command = "1979-05-27"'));
    const asDate = read(text('command = 1979-05-27'));
    expect(asText.problems).toEqual([]);
    expect(asDate.problems.map(formatProblem)).toEqual([
      'a.toml:5:deployment[d].config.command: is a TOML date, which no field holds: quote it',
    ]);
  });
});
