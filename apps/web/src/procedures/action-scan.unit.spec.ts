import fc from 'fast-check';
import { requestCalls, scan } from './action-scan';

describe('reading an Action script', () => {
  it('blanks comments, and string contents in bare (quotes kept)', () => {
    const text = 'a(/* x */ \'b{c\'); // d\n`e\n${f}` "g\\"h"';
    const { code, bare, endsIn } = scan(text);
    expect(code).toBe('a(        \'b{c\');     \n`e\n${f}` "g\\"h"');
    expect(bare).toBe('a(        \'   \');     \n` \n    ` "    "');
    expect(endsIn).toBe('code');
  });

  it('keeps every offset and line break, whatever the text', () => {
    const script = fc.string({
      unit: fc.constantFrom('a', ' ', '\n', '/', '*', "'", '"', '`', '\\', '{'),
    });
    fc.assert(
      fc.property(script, (text) => {
        const { code, bare } = scan(text);
        const breaks = (s: string) => [...s].flatMap((c, i) => (c === '\n' ? [i] : []));
        expect(code.length).toBe(text.length);
        expect(bare.length).toBe(text.length);
        expect(breaks(code)).toEqual(breaks(text));
        expect(breaks(bare)).toEqual(breaks(text));
      }),
    );
  });

  it('says where the text ends: in code, a string or a comment', () => {
    expect(scan("komodo.read('Get").endsIn).toBe('string');
    expect(scan('x // komodo.').endsIn).toBe('comment');
    expect(scan('/* a */ b').endsIn).toBe('code');
    expect(scan("'open\nnext").endsIn).toBe('code');
  });

  it('finds each call naming a request, with the spans of its method and name', () => {
    const text = 'await komodo . execute_and_poll ( \'Deploy\', {}); monitor.read("")';
    const calls = requestCalls(scan(text));
    expect(calls.map((c) => [c.client, c.method, c.verb, c.name])).toEqual([
      ['komodo', 'execute_and_poll', 'execute', 'Deploy'],
      ['monitor', 'read', 'read', ''],
    ]);
    const [call] = calls;
    expect(text.slice(call.methodFrom, call.methodFrom + call.method.length)).toBe(
      'execute_and_poll',
    );
    expect(text.slice(call.nameFrom, call.nameTo)).toBe('Deploy');
  });
});
