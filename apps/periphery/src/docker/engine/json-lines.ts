import { StringDecoder } from 'node:string_decoder';

/**
 * Reads a stream of JSON lines to its end (a pull's progress: one object per line), whatever
 * way the chunks cut the lines or the characters. A stream that breaks off rejects. `onLine`
 * hears of each object as it arrives (a pull's progress shown live).
 */
export async function readJsonLines<T>(
  stream: AsyncIterable<Buffer | string>,
  onLine?: (item: T) => void,
): Promise<T[]> {
  const decoder = new StringDecoder('utf8');
  const lines: T[] = [];
  let pending = '';
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) parseLine(line, lines, onLine);
  }
  parseLine(pending + decoder.end(), lines, onLine);
  return lines;
}

function parseLine<T>(line: string, into: T[], onLine?: (item: T) => void): void {
  const text = line.trim();
  if (!text) return;
  let item: T;
  try {
    item = JSON.parse(text) as T;
  } catch {
    throw new Error(`the engine sent a progress line that is not JSON: ${text.slice(0, 200)}`);
  }
  into.push(item);
  onLine?.(item);
}
