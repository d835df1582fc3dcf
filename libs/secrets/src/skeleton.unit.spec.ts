import { MASK } from './paths';
import { RedactingStream } from './redact-stream';
import { Redactor } from './redactor';
import { skeletonOf, skeletonWithOffsets } from './skeleton';

const SECRET = 'Tr0ub4dor3Horse7battery';
const PUNCTUATED = 'Tr0ub4dor&3-horse!';
const redactor = new Redactor([SECRET, PUNCTUATED]);
const spaced = (separator: string, value = SECRET) => [...value].join(separator);

describe('a secret printed with separators between its characters', () => {
  it('is masked with up to three separators between characters, one character per line too', () => {
    for (const separator of [' ', '-', '\n', '\r\n', ', ', ' | ']) {
      const text = `before\n${spaced(separator)}\nafter`;
      expect([separator, redactor.redact(text)]).toEqual([separator, `before\n${MASK}\nafter`]);
    }
    // Its own separators count: `&` and `-` between separators make longer runs.
    expect(redactor.redact(spaced('\n', PUNCTUATED))).toBe(`${MASK}\n!`);
    const apart = spaced(' - ', PUNCTUATED);
    expect(redactor.redact(apart)).toBe(apart);
  });

  it('is not looked for across longer runs of separators, nor with other letters put in', () => {
    const far = spaced('    ');
    expect(redactor.redact(far)).toBe(far);
    const interleaved = [...SECRET].join('x');
    expect(redactor.redact(interleaved)).toBe(interleaved);
  });

  it('leaves words that only join into a value far apart, and values shorter than 8 alone', () => {
    const r = new Redactor(['admin-2024', 'abc-123']);
    expect(r.redact('admin: 2024')).toBe(MASK);
    expect(r.redact('admin said, in the summer of        2024')).toBe(
      'admin said, in the summer of        2024',
    );
    expect(r.redact('a b c 1 2 3')).toBe('a b c 1 2 3');
  });

  it('is masked in a stream whatever the chunks', () => {
    const text = `x ${spaced('\n')} y ${spaced(' - ')} z`;
    const whole = redactor.redact(text);
    expect(whole).toBe(`x ${MASK} y ${MASK} z`);
    for (const size of [1, 4, 9, 33]) {
      const stream = new RedactingStream(redactor);
      let out = '';
      for (let i = 0; i < text.length; i += size) out += stream.push(text.slice(i, i + size));
      expect(out + stream.end()).toBe(whole);
    }
  });
});

describe('skeletons', () => {
  it('keep letters, digits and non-ASCII characters, and mark long runs of separators', () => {
    expect(skeletonOf('p@ss-wörd 42!')).toBe('psswörd42');
    const { skeleton, at } = skeletonWithOffsets('ab--c    d');
    expect(skeleton).toBe('abc\u0000d');
    expect([...at]).toEqual([0, 1, 4, 5, 9]);
  });
});
