import { splitCommand } from './index';

describe('splitCommand', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['npm start', ['npm', 'start']],
    ['  a   b\tc\nd  ', ['a', 'b', 'c', 'd']],
    [`echo 'hello world'`, ['echo', 'hello world']],
    [`echo "hello world"`, ['echo', 'hello world']],
    [`echo 'a "b" c'`, ['echo', 'a "b" c']],
    [`echo "it's"`, ['echo', "it's"]],
    [`echo "a \\"b\\" \\\\ \\$HOME \\n"`, ['echo', 'a "b" \\ $HOME \\n']],
    [`echo 'no \\escapes'`, ['echo', 'no \\escapes']],
    [`echo a\\ b`, ['echo', 'a b']],
    [`echo \\'x\\'`, ['echo', "'x'"]],
    [`pre"mid dle"'post'`, ['premid dlepost']],
    [`echo '' ""`, ['echo', '', '']],
    [`sh -c 'echo $HOME && ls *'`, ['sh', '-c', 'echo $HOME && ls *']],
    [`echo $HOME; ls | wc`, ['echo', '$HOME;', 'ls', '|', 'wc']],
    ['serve --port 80 # the port\n--verbose', ['serve', '--port', '80', '--verbose']],
    ['a#b', ['a#b']],
    ['one \\\ntwo', ['one', 'two']],
    ['"multi\nline"', ['multi\nline']],
  ])('%j', (command, words) => {
    expect(splitCommand(command)).toEqual(words);
  });

  it.each([
    [`echo 'open`, "command: unterminated ' quote at character 6"],
    [`echo "open`, 'command: unterminated " quote at character 6'],
    [`echo "a\\"`, 'command: unterminated " quote at character 6'],
    ['echo \\', 'command: ends with a lone backslash'],
  ])('refuses %j with a VALIDATION error', (command, message) => {
    expect(() => splitCommand(command)).toThrow(message);
    expect(() => splitCommand(command)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
