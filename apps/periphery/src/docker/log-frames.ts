/** A container's log split by stream; `combined` keeps both in the order Docker wrote them. */
export interface DemuxedLog {
  stdout: string;
  stderr: string;
  combined: string;
}

const HEADER_BYTES = 8;
const STDERR = 2;

/**
 * Splits the Engine's multiplexed log stream. Without a TTY each chunk is framed by an 8-byte
 * header: byte 0 the stream (1 stdout, 2 stderr), bytes 4-7 the payload length (big-endian).
 * With a TTY there is no framing and everything is stdout. A frame cut short at the end (the
 * engine stopped mid-write) keeps what arrived.
 */
export function demuxLog(raw: Buffer, tty: boolean): DemuxedLog {
  if (tty) {
    const text = raw.toString('utf8');
    return { stdout: text, stderr: '', combined: text };
  }
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const all: Buffer[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= raw.length) {
    const stream = raw[offset];
    const length = raw.readUInt32BE(offset + 4);
    const start = offset + HEADER_BYTES;
    const payload = raw.subarray(start, Math.min(start + length, raw.length));
    (stream === STDERR ? err : out).push(payload);
    all.push(payload);
    offset = start + length;
  }
  // Decode once per stream so a character split across two frames is not garbled.
  const text = (parts: Buffer[]) => Buffer.concat(parts).toString('utf8');
  return { stdout: text(out), stderr: text(err), combined: text(all) };
}
