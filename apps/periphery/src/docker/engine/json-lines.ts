import { StringDecoder } from 'node:string_decoder';

/**
 * Reads a stream of JSON lines to its end (a pull's progress: one object per line), whatever
 * way the chunks cut the lines or the characters. A stream that breaks off rejects.
 */
export async function readJsonLines<T>(stream: AsyncIterable<Buffer | string>): Promise<T[]> {
  const decoder = new StringDecoder('utf8');
  const lines: T[] = [];
  let pending = '';
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) parseLine(line, lines);
  }
  parseLine(pending + decoder.end(), lines);
  return lines;
}

function parseLine<T>(line: string, into: T[]): void {
  const text = line.trim();
  if (!text) return;
  try {
    into.push(JSON.parse(text) as T);
  } catch {
    throw new Error(`the engine sent a progress line that is not JSON: ${text.slice(0, 200)}`);
  }
}
