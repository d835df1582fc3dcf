import fc from 'fast-check';
import { MASK } from './paths';
import { redactPrefixedLines } from './redact-lines';
import { Redactor } from './redactor';

const STAMP = /^\d{4}-\d{2}-\d{2}T\S+ /;
const COMPOSE = /^\S+ {2}\| /;
const PEM = '-----BEGIN KEY-----\nMIIEabcdefgh\nijklmnop==\n-----END KEY-----';

describe('redactPrefixedLines', () => {
  const redactor = new Redactor([PEM, 'one-line-secret']);
  const stamp = (n: number) => `2026-12-06T09:04:0${n}.123456789Z `;
  const prefixed = (prefix: (n: number) => string, text: string) =>
    text
      .split('\n')
      .map((line, i) => `${prefix(i)}${line}`)
      .join('\n');

  it('masks a multi-line secret cut by timestamps as one mask, its lines gone', () => {
    const text = prefixed(stamp, `key:\n${PEM}\ndone one-line-secret\n`);
    expect(redactor.redact(text)).toContain('MIIEabcdefgh');
    expect(redactPrefixedLines(redactor, text, STAMP)).toBe(
      `${stamp(0)}key:\n${stamp(1)}${MASK}\n${stamp(5)}done ${MASK}\n${stamp(6)}`,
    );
  });

  it('masks a secret that starts and ends inside lines, and one in each of several lines', () => {
    const text = prefixed(
      () => 'web-1  | ',
      `a ${PEM} b\none-line-secret\nx one-line-secret y one-line-secret`,
    );
    expect(redactPrefixedLines(redactor, text, COMPOSE)).toBe(
      `web-1  | a ${MASK} b\nweb-1  | ${MASK}\nweb-1  | x ${MASK} y ${MASK}`,
    );
  });

  it('leaves lines without the prefix, and a text without secrets, as they are', () => {
    const text = `no prefix ${PEM.replace(/\n/g, '\n')}\n${stamp(1)}plain`;
    expect(redactPrefixedLines(redactor, text, STAMP)).toBe(`no prefix ${MASK}\n${stamp(1)}plain`);
    const clean = prefixed(stamp, 'nothing\nto see\n');
    expect(redactPrefixedLines(redactor, clean, STAMP)).toBe(clean);
  });

  it('agrees with plain redaction when no line has a prefix', () => {
    const text = `x ${PEM}\none-line-secret\n\nend`;
    expect(redactPrefixedLines(redactor, text, STAMP)).toBe(redactor.redact(text));
  });

  it('leaves no line of a multi-line secret, whatever the text around it and the prefixes', () => {
    const word = fc.stringMatching(/^[a-z0-9 ]{0,12}$/);
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Z][A-Za-z0-9+/]{7,19}$/), { minLength: 2, maxLength: 5 }),
        word,
        word,
        fc.array(fc.constantFrom(stamp(1), stamp(2), ''), { minLength: 12, maxLength: 12 }),
        (secretLines, before, after, stamps) => {
          const secret = secretLines.join('\n');
          const text = `${before}\n${before}${secret}${after}\n${after}`
            .split('\n')
            .map((line, i) => `${stamps[i]}${line}`)
            .join('\n');
          const out = redactPrefixedLines(new Redactor([secret]), text, STAMP);
          for (const line of secretLines) expect(out).not.toContain(line);
          expect(out.split(MASK).length).toBe(2);
        },
      ),
    );
  });
});
