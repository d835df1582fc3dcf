import { decodeStreamToken, encodeStreamToken } from './subject-token';

describe('stream names as subject tokens', () => {
  const names = [
    'deployment-66f1a2b3',
    'name-deployment-my.app',
    'name-deployment-my_2Eapp',
    'a b\tc\nd',
    '*',
    '>',
    'a.*.>',
    'ünïcödé-流-🚀',
    '_',
    '',
  ];

  it('gives one token of safe characters per name, reversibly and without collisions', () => {
    const tokens = names.map(encodeStreamToken);
    for (const [i, token] of tokens.entries()) {
      expect(token).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeStreamToken(token)).toBe(names[i]);
    }
    expect(new Set(tokens).size).toBe(names.length);
  });

  it('leaves ordinary stream names readable', () => {
    expect(encodeStreamToken('deployment-66f1a2b3')).toBe('deployment-66f1a2b3');
    expect(encodeStreamToken('name-deployment-my.app')).toBe('name-deployment-my_2Eapp');
  });

  it('refuses tokens it cannot have made', () => {
    expect(() => decodeStreamToken('a.b')).toThrow();
    expect(() => decodeStreamToken('_2')).toThrow();
    expect(() => decodeStreamToken('_FF')).toThrow();
  });
});
