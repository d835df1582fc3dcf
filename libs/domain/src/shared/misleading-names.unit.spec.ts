import { checkName } from './names';

const refusal = (name: string) => {
  try {
    checkName(name);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('misleading names', () => {
  it('refuses bidirectional controls', () => {
    for (const control of ['\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u061c']) {
      expect(refusal(`prod${control}-web`)).toMatch(/^name: must not contain bidirectional/);
    }
  });
  it('refuses names that climb out of a folder', () => {
    for (const name of ['..', '.', '../etc', 'a/../b', 'a/..', '..\\x', '/etc', '\\srv', 'a/./b']) {
      expect([name, refusal(name)]).toEqual([name, expect.stringMatching(/path step/)]);
    }
  });
  it('keeps names with dots, slashes and other scripts', () => {
    for (const name of [
      'my.app',
      'v1..2',
      '..hidden-ish',
      'team/app',
      'a.b/c.d',
      'שרת-1',
      'web…',
    ]) {
      expect([name, refusal(name)]).toEqual([name, undefined]);
    }
  });
});
