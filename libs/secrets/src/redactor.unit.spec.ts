import { randomBytes } from 'node:crypto';
import { MASK } from './paths';
import { RedactingStream } from './redact-stream';
import { Redactor } from './redactor';
import { MIN_SECRET_LENGTH } from './secret-forms';

describe('Redactor', () => {
  it('masks every occurrence, including after interpolation into a command', () => {
    const redactor = new Redactor(['s3cr3t-token']);
    expect(
      redactor.redact('git clone https://x:s3cr3t-token@host/r.git && echo s3cr3t-token'),
    ).toBe(`git clone https://x:${MASK}@host/r.git && echo ${MASK}`);
    expect(redactor.redact('nothing here')).toBe('nothing here');
  });

  it('masks overlapping and nested secrets whole, leaving no tail of either', () => {
    const redactor = new Redactor([
      'abcdef12',
      'ef12ghij',
      'password123',
      'word',
      'tokenABC',
      'tokenABCDEF',
    ]);
    expect(redactor.redact('xxabcdef12ghijyy')).toBe(`xx${MASK}yy`);
    expect(redactor.redact('my password123!')).toBe(`my ${MASK}!`);
    expect(redactor.redact('a word, tokenABCDEF, tokenABC.')).toBe(`a ${MASK}, ${MASK}, ${MASK}.`);
  });

  it('treats regex metacharacters literally', () => {
    const nasty = 'a.b*c+(d)?[e]{f}|^$\\g/';
    const redactor = new Redactor([nasty]);
    expect(redactor.redact(`x ${nasty} y`)).toBe(`x ${MASK} y`);
    expect(redactor.redact('x aXbbbc+(d)?[e]{f}|^$\\g/ y')).toBe('x aXbbbc+(d)?[e]{f}|^$\\g/ y');
  });

  it('masks multi-line secrets, and their JSON-escaped and URL-encoded forms', () => {
    const pem = '-----BEGIN KEY-----\nMIIEabc\ndef==\n-----END KEY-----';
    const password = 'p@ss w0rd/+&';
    const redactor = new Redactor([pem, password]);
    expect(redactor.redact(`key:\n${pem}\ndone`)).toBe(`key:\n${MASK}\ndone`);
    expect(redactor.redact(JSON.stringify({ key: pem }))).toBe(`{"key":"${MASK}"}`);
    expect(redactor.redact(`https://u:${encodeURIComponent(password)}@host`)).toBe(
      `https://u:${MASK}@host`,
    );
  });

  it(`ignores values shorter than ${MIN_SECRET_LENGTH} characters or blank`, () => {
    const redactor = new Redactor(['abc', '1', '     ', 'abcd']);
    expect(redactor.size).toBe(1);
    expect(redactor.redact('abc 1 abcd')).toBe(`abc 1 ${MASK}`);
  });

  it('counts additions: a value stays masked until removed as often as added', () => {
    const redactor = new Redactor();
    redactor.add('shared-value');
    redactor.add('shared-value');
    redactor.remove('shared-value');
    expect(redactor.redact('shared-value')).toBe(MASK);
    redactor.remove('shared-value');
    redactor.remove('never-added');
    expect(redactor.redact('shared-value')).toBe('shared-value');
    expect(redactor.has('shared-value')).toBe(false);
  });

  it('redacts strings deep inside JSON, leaving keys, numbers and the input untouched', () => {
    const redactor = new Redactor(['topsecret']);
    const input = { topsecret: ['log topsecret', 42, null, { stdout: 'topsecret\n', ok: true }] };
    expect(redactor.redactDeep(input)).toEqual({
      topsecret: [`log ${MASK}`, 42, null, { stdout: `${MASK}\n`, ok: true }],
    });
    expect(input.topsecret[0]).toBe('log topsecret');
  });

  it('redacts errors, keeping their class and code', () => {
    class CodedError extends Error {
      readonly code = 'DEPLOY_FAILED';
      details = { command: 'docker login -p topsecret' };
    }
    const redactor = new Redactor(['topsecret']);
    const error = new CodedError('login with topsecret failed');
    const copy = redactor.redactDeep(error);
    expect(copy).toBeInstanceOf(CodedError);
    expect(copy.code).toBe('DEPLOY_FAILED');
    expect(copy.message).toBe(`login with ${MASK} failed`);
    expect(copy.stack).not.toContain('topsecret');
    expect(copy.details.command).toBe(`docker login -p ${MASK}`);
    expect(error.message).toContain('topsecret');
  });

  it('redacts 1 MB with 1,000 secrets, in seconds at worst', () => {
    const secrets = Array.from({ length: 1000 }, (_, i) =>
      i % 5 === 0
        ? `https://hooks.slack.com/services/${randomBytes(18).toString('base64url')}`
        : randomBytes(6 + (i % 24)).toString('base64'),
    );
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i += 1) {
      const line =
        i % 50 === 0
          ? `step ${i}: using ${secrets[i % secrets.length]} (https://hooks.slack.com/services/other)`
          : `step ${i}: ${randomBytes(30).toString('base64')}`;
      lines.push(line);
      size += line.length + 1;
    }
    const text = lines.join('\n');

    const started = performance.now();
    const redactor = new Redactor(secrets);
    const out = redactor.redact(text);
    const elapsed = performance.now() - started;

    // Not a benchmark (it takes ~0.3 s, over 0.5 s on a loaded CI machine): only a guard against
    // pathological slowness, with room for a busy machine.
    expect(elapsed).toBeLessThan(5_000);
    expect(out.split(MASK).length - 1).toBe(Math.ceil(lines.length / 50));
    for (const secret of secrets) expect(out.includes(secret)).toBe(false);
  });
});

describe('RedactingStream', () => {
  const secrets = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'xyz-overlap'];

  it('masks secrets split across chunks, whatever the chunk size', () => {
    const text =
      'start 0123456789 mid abcdefghijklmnopqrstuvwxyz-overlap 01234 end\nnext 0123456789';
    const expected = new Redactor(secrets).redact(text);
    expect(expected).toBe(`start ${MASK} mid ${MASK} 01234 end\nnext ${MASK}`);
    for (const size of [1, 2, 3, 7, 10, 26, 100]) {
      const stream = new RedactingStream(new Redactor(secrets));
      let out = '';
      for (let i = 0; i < text.length; i += size) out += stream.push(text.slice(i, i + size));
      out += stream.end();
      expect(out).toBe(expected);
    }
  });

  it('agrees with redacting the whole text, on random texts and chunkings', () => {
    const alphabet = 'abc01 \n';
    const pick = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join(
        '',
      );
    for (let round = 0; round < 200; round += 1) {
      const redactor = new Redactor(
        Array.from({ length: 4 }, () => pick(4 + Math.floor(Math.random() * 6))),
      );
      const text = pick(200);
      const stream = new RedactingStream(redactor);
      let out = '';
      for (let i = 0; i < text.length;) {
        const size = 1 + Math.floor(Math.random() * 12);
        out += stream.push(text.slice(i, i + size));
        i += size;
      }
      expect(out + stream.end()).toBe(redactor.redact(text));
    }
  });

  it('passes text straight through when no secret is known', () => {
    const stream = new RedactingStream(new Redactor());
    expect(stream.push('all of it')).toBe('all of it');
    expect(stream.end()).toBe('');
  });
});
