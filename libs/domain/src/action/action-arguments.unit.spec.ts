import { mergeActionArguments, parseActionArguments } from './action-arguments';

describe('an Action’s arguments', () => {
  it('key_value: KEY=value lines, comments, export and quotes as in an env file', () => {
    const text = '# target\nexport DEPLOYMENT="web-1"\n\nCOUNT=3\nURL=http://x/?a=b\n';
    expect(parseActionArguments('key_value', text)).toEqual({
      ok: true,
      args: { DEPLOYMENT: 'web-1', COUNT: '3', URL: 'http://x/?a=b' },
    });
  });

  it('key_value: a line without a key is refused, naming the line', () => {
    expect(parseActionArguments('key_value', 'A=1\n=2')).toEqual({
      ok: false,
      message: 'arguments line 2: expected KEY=value',
    });
  });

  it('json: an object; anything else is refused', () => {
    expect(parseActionArguments('json', '{"n":1,"tags":["a"]}')).toEqual({
      ok: true,
      args: { n: 1, tags: ['a'] },
    });
    expect(parseActionArguments('json', '[1]')).toMatchObject({ ok: false });
    expect(parseActionArguments('json', '{')).toMatchObject({ ok: false });
  });

  it('empty arguments are no arguments; toml and yaml are refused, not misread', () => {
    expect(parseActionArguments('yaml', '  ')).toEqual({ ok: true, args: {} });
    expect(parseActionArguments('toml', 'a = 1')).toMatchObject({ ok: false });
  });

  it('the run’s args override the config’s', () => {
    expect(mergeActionArguments({ A: '1', B: '2' }, { B: 'x' })).toEqual({ A: '1', B: 'x' });
  });
});
