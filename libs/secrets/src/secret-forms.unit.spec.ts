import fc from 'fast-check';
import { MASK } from './paths';
import { RedactingStream } from './redact-stream';
import { Redactor } from './redactor';
import { MIN_TRANSFORMED_LENGTH } from './secret-forms';

const SECRET = 'Tr0ub4dor&3-horse!';
const redactor = new Redactor([SECRET]);
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const masked = (text: string) => redactor.redact(text);

/** `printf '%s\n' "$S" | <tool>`: the value with what the shell adds around it. */
const printed = `${SECRET}\n`;

describe('a secret is masked in the forms a command can print it in', () => {
  it('reversed (rev)', () => {
    expect(masked(`out: ${[...SECRET].reverse().join('')}\n`)).toBe(`out: ${MASK}\n`);
  });

  it('in base64 at each alignment, standard and URL-safe, with and without padding', () => {
    for (const before of ['', 'a', 'ab', 'abc', 'user:', 'Authorization: Basic x']) {
      for (const after of ['', '\n', '?', 'tail~~>>']) {
        const bytes = utf8(`${before}${SECRET}${after}`);
        for (const encoded of [
          bytes.toString('base64'),
          bytes.toString('base64').replace(/=+$/, ''),
          bytes.toString('base64url'),
        ]) {
          const out = masked(`b64 ${encoded} end`);
          expect([before, after, out]).toEqual([before, after, expect.stringContaining(MASK)]);
          // What is left of the encoding is the neighbours' part plus at most a character of
          // mixed bits on each side of the secret's.
          const kept = out.length - MASK.length - 'b64  end'.length;
          const secretChars = Math.floor((8 * utf8(SECRET).length) / 6) - 1;
          expect(kept).toBeLessThanOrEqual(encoded.length - secretChars);
        }
      }
    }
  });

  it('in base64 and hex broken into lines, as tools print a long value that starts their input', () => {
    const long = `${SECRET}-${'x9Q'.repeat(40)}`;
    const r = new Redactor([long]);
    const wrap = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, 'g'))!;
    const base64 = utf8(`${long}\n`).toString('base64');
    for (const width of [76, 64]) {
      const out = r.redact(`${wrap(base64, width).join('\n')}\n`);
      expect(out).toMatch(new RegExp(`^\\*{5}[A-Za-z0-9+/=]{0,4}\n$`));
    }
    const hex = wrap(utf8(long).toString('hex'), 60).join('\n');
    expect(r.redact(`${hex}\n`)).toBe(`${MASK}\n`);
    expect(r.redact(hex.toUpperCase())).toBe(MASK);
  });

  it('in hex, lower or upper case (xxd -p, od, printf %x)', () => {
    const hex = utf8(printed).toString('hex');
    expect(masked(`${hex}`)).toBe(`${MASK}0a`);
    expect(masked(hex.toUpperCase())).toBe(`${MASK}0A`);
  });

  it('percent-encoded, form-encoded, and every byte escaped in either case', () => {
    const spaced = 'correct horse battery staple';
    const r = new Redactor([spaced, SECRET]);
    expect(r.redact(`?p=${encodeURIComponent(SECRET)}&q=1`)).toBe(`?p=${MASK}&q=1`);
    expect(r.redact(`p=${spaced.replace(/ /g, '+')}&q=1`)).toBe(`p=${MASK}&q=1`);
    const everyByte = [...utf8(SECRET)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    expect(r.redact(`/${everyByte}/`)).toBe(`/${MASK}/`);
    expect(r.redact(`/${everyByte.toLowerCase()}/`)).toBe(`/${MASK}/`);
  });

  it('JSON-escaped, also with non-ASCII characters as \\u escapes', () => {
    const accented = 'mötörhead-pässwörd\n"q"';
    const r = new Redactor([accented]);
    expect(r.redact(JSON.stringify({ p: accented }))).toBe(`{"p":"${MASK}"}`);
    const ascii = JSON.stringify(accented).replace(
      /[^\x20-\x7e]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(r.redact(`{"p":${ascii}}`)).toBe(`{"p":"${MASK}"}`);
  });

  it('with its case changed (tr a-z A-Z), only from 8 characters on', () => {
    expect(masked(`${SECRET.toUpperCase()} ${SECRET.toLowerCase()}`)).toBe(`${MASK} ${MASK}`);
    const short = new Redactor(['Admin12']);
    expect(short.redact('Admin12 admin12 ADMIN12')).toBe(`${MASK} admin12 ADMIN12`);
  });

  it(`tries no transformation of a value shorter than ${MIN_TRANSFORMED_LENGTH} characters`, () => {
    const short = 'pa55wd';
    const r = new Redactor([short]);
    const forms = [
      [...short].reverse().join(''),
      utf8(short).toString('base64'),
      utf8(short).toString('hex'),
    ];
    expect(r.redact(`${short} ${forms.join(' ')}`)).toBe(`${MASK} ${forms.join(' ')}`);
  });

  it('leaves ordinary log text alone', () => {
    const r = new Redactor([
      SECRET,
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      'hunter2hunter2',
      'https://hooks.slack.com/services/T000/B000/XXXXXXXX',
    ]);
    const log = [
      '2026-12-06T09:04:01.123456789Z GET /api/health 200 1.2ms',
      'commit 89a6d27b1c0e3f4a5b6c7d8e9f00112233445566 (HEAD -> main)',
      'sha256:2f7b1bd5c2a9e4f0a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7',
      'Authorization: Basic dXNlcjpwYXNzd29yZA== rejected',
      'SGVsbG8sIFdvcmxkIQ== aGVsbG8gd29ybGQ= 48656c6c6f2c20576f726c6421',
      'tnemyolped detrats ; horse battery ; Troubador & co',
    ].join('\n');
    expect(r.redact(log)).toBe(log);
  });

  it('masks transformed forms split across the chunks of a stream', () => {
    const text = `a ${utf8(printed).toString('base64')} b ${[...SECRET].reverse().join('')} c`;
    const whole = redactor.redact(text);
    expect(whole).toBe(`a ${MASK}Cg== b ${MASK} c`);
    for (const size of [1, 3, 8, 40]) {
      const stream = new RedactingStream(redactor);
      let out = '';
      for (let i = 0; i < text.length; i += size) out += stream.push(text.slice(i, i + size));
      expect(out + stream.end()).toBe(whole);
    }
  });

  it('masks, for any secret and surroundings, every base64 character that depends only on it', () => {
    const bytes = (min: number, max: number) =>
      fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a));
    fc.assert(
      fc.property(
        fc.string({ minLength: MIN_TRANSFORMED_LENGTH, maxLength: 40, unit: 'grapheme-ascii' }),
        bytes(0, 8),
        bytes(0, 8),
        fc.constantFrom<BufferEncoding>('base64', 'base64url'),
        (secret, before, after, alphabet) => {
          fc.pre(secret.trim() !== '');
          const encoded = Buffer.concat([before, utf8(secret), after]).toString(alphabet);
          const from = Math.ceil((8 * before.length) / 6);
          const to = Math.floor((8 * (before.length + secret.length)) / 6);
          const spans = new Redactor([secret]).spans(encoded);
          expect(spans.some(([start, end]) => start <= from && end >= to)).toBe(true);
        },
      ),
    );
  });

  it('masks, for any secret, its reversed, hex and upper-case forms wherever they stand', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: MIN_TRANSFORMED_LENGTH, maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(
          (s: string) => [...s].reverse().join(''),
          (s: string) => utf8(s).toString('hex'),
          (s: string) => utf8(s).toString('hex').toUpperCase(),
          (s: string) => s.toUpperCase(),
        ),
        (secret, before, after, transform) => {
          fc.pre(secret.trim() !== '' && secret.toUpperCase().length === secret.length);
          const form = transform(secret);
          const spans = new Redactor([secret]).spans(`${before}${form}${after}`);
          const [from, to] = [before.length, before.length + form.length];
          expect(spans.some(([start, end]) => start <= from && end >= to)).toBe(true);
        },
      ),
    );
  });
});
