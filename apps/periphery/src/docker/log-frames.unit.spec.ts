import { demuxLog } from './log-frames';

const frame = (stream: 1 | 2, text: string | Buffer) => {
  const payload = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe('demuxLog', () => {
  it('splits stdout and stderr and keeps their order in combined', () => {
    const raw = Buffer.concat([frame(1, 'hello\n'), frame(2, 'oops\n'), frame(1, 'bye\n')]);
    expect(demuxLog(raw, false)).toEqual({
      stdout: 'hello\nbye\n',
      stderr: 'oops\n',
      combined: 'hello\noops\nbye\n',
    });
  });

  it('keeps a character split across frames whole', () => {
    const euro = Buffer.from('€');
    const raw = Buffer.concat([frame(1, euro.subarray(0, 1)), frame(1, euro.subarray(1))]);
    expect(demuxLog(raw, false).stdout).toBe('€');
  });

  it('keeps what arrived of a frame cut short, and ignores a partial header', () => {
    const whole = frame(1, 'complete line\n');
    const raw = Buffer.concat([frame(2, 'err\n'), whole.subarray(0, 12), Buffer.alloc(0)]);
    expect(demuxLog(raw, false)).toMatchObject({ stderr: 'err\n', stdout: 'comp' });
    expect(demuxLog(Buffer.from([1, 0, 0]), false).stdout).toBe('');
  });

  it('treats a TTY log as unframed stdout', () => {
    expect(demuxLog(Buffer.from('raw\n'), true)).toEqual({
      stdout: 'raw\n',
      stderr: '',
      combined: 'raw\n',
    });
  });

  it('reads an empty log', () => {
    expect(demuxLog(Buffer.alloc(0), false)).toEqual({ stdout: '', stderr: '', combined: '' });
  });
});
