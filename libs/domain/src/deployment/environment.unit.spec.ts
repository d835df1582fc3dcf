import { isEnvName, parseEnvironment } from './index';

describe('parseEnvironment', () => {
  it("gives Docker's KEY=value array in the order written", () => {
    const text = 'A=1\nB = two words\n- C: "x=y"\n_D=\nA=again';
    expect(parseEnvironment(text)).toEqual(['A=1', 'B=two words', 'C=x=y', '_D=', 'A=again']);
  });

  it.each(['PATH', '_x', 'a1_B2', 'X'])('accepts the name %s', (name) => {
    expect(isEnvName(name)).toBe(true);
  });

  it.each([
    [
      '1ABC=x',
      "environment line 1: '1ABC' is not a valid variable name (letters, digits and '_', not starting with a digit)",
    ],
    [
      'MY-VAR=x',
      "environment line 1: 'MY-VAR' is not a valid variable name (letters, digits and '_', not starting with a digit)",
    ],
    [
      'MY VAR=x',
      "environment line 1: 'MY VAR' is not a valid variable name (letters, digits and '_', not starting with a digit)",
    ],
    [
      'A=1\nB.C=2',
      "environment line 2: 'B.C' is not a valid variable name (letters, digits and '_', not starting with a digit)",
    ],
    ['A=1\nB=2\nNOPE', "environment line 3: 'NOPE' has no '=' or ':'"],
  ])('refuses %j', (text, message) => {
    expect(() => parseEnvironment(text)).toThrow(message);
  });
});
