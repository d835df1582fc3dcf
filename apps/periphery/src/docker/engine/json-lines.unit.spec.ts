import { Readable } from 'node:stream';
import { readJsonLines } from './json-lines';

const chunks = (...parts: (string | Buffer)[]) =>
  Readable.from(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));

describe('readJsonLines', () => {
  it('reads lines cut anywhere by the chunks, and a last line without its newline', async () => {
    const lines = await readJsonLines(
      chunks('{"status":"Pul', 'ling"}\r\n\n{"id":"a","sta', 'tus":"Done"}\n{"status":"end"}'),
    );
    expect(lines).toEqual([{ status: 'Pulling' }, { id: 'a', status: 'Done' }, { status: 'end' }]);
  });

  it('keeps a character whose bytes two chunks split', async () => {
    const bytes = Buffer.from('{"status":"é"}\n');
    const cut = bytes.indexOf(0xc3) + 1;
    const lines = await readJsonLines(chunks(bytes.subarray(0, cut), bytes.subarray(cut)));
    expect(lines).toEqual([{ status: 'é' }]);
  });

  it('rejects a line that is not JSON, naming it', async () => {
    await expect(readJsonLines(chunks('{"status":"ok"}\nnot json\n'))).rejects.toThrow(
      /not JSON: not json/,
    );
  });

  it('rejects when the stream breaks off', async () => {
    const broken = new Readable({ read() {} });
    broken.push('{"status":"Pulling"}\n');
    setImmediate(() => broken.destroy(new Error('socket hang up')));
    await expect(readJsonLines(broken)).rejects.toThrow('socket hang up');
  });
});
