import { formatProblem, readSyncFiles } from './index';

const read = (contents: string) =>
  readSyncFiles([{ path: 'a.toml', contents }], { exists: () => true });

const text = (config: string) =>
  ['[[deployment]]', 'name = "d"', '[deployment.config]', 'server = "s"', config].join('\n');

describe('a file and its checked configs are remembered for the next read of the same text', () => {
  it('answers the same declaration again, lines of renamed aliases included', () => {
    const first = read(text('restart = "always"'));
    const again = read(text('restart = "always"'));
    expect(again).toEqual(first);
    expect(again.declared.resources[0].lines['config.server_id']).toBe(4);
  });

  it('hands out frozen answers: changing one fails, and changes no later one', () => {
    const first = read(text('links = ["https://a.example"]'));
    expect(() => (first.declared.resources[0].config.links as string[]).push('changed')).toThrow(
      TypeError,
    );
    expect(() => {
      first.declared.resources[0].config.links = [];
    }).toThrow(TypeError);
    const again = read(text('links = ["https://a.example"]'));
    expect(again.declared.resources[0].config.links).toEqual(['https://a.example']);
  });

  it('given a file changed in one declaration, when read again, then the others are as before and the changed one is new', () => {
    const file = (image: string) =>
      [
        text('links = ["https://a.example"]'),
        '[[deployment]]',
        'name = "e"',
        '[deployment.config]',
        'server = "s"',
        `image = { type = "Image", params = { image = "${image}" } }`,
      ].join('\n');
    const first = read(file('nginx:1'));
    const second = read(file('nginx:2'));
    expect(second.problems).toEqual([]);
    expect(second.declared.resources[0]).toEqual(first.declared.resources[0]);
    expect(second.declared.resources[1].config.image).toEqual({
      type: 'Image',
      params: { image: 'nginx:2' },
    });
  });

  it('tells infinity from nan, each read as its own', () => {
    const first = read(text('termination_timeout = inf'));
    const again = read(text('termination_timeout = nan'));
    expect(first.declared.resources[0]?.config.termination_timeout ?? first.problems).not.toEqual(
      again.declared.resources[0]?.config.termination_timeout ?? again.problems,
    );
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
