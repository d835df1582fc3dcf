/** One Server-Sent Event: its `id`, `event` and `data` fields. */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/**
 * Splits a Server-Sent Events body into messages as its chunks arrive: a message ends at a
 * blank line, comment lines (`: keep-alive`) are skipped, `data` lines are joined by newlines.
 */
export class SseParser {
  private buffer = '';

  push(chunk: string): SseMessage[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const messages: SseMessage[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const message = parseBlock(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
      if (message) messages.push(message);
    }
    return messages;
  }
}

function parseBlock(block: string): SseMessage | undefined {
  const data: string[] = [];
  const message: Omit<SseMessage, 'data'> = {};
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'id') message.id = value;
    else if (field === 'event') message.event = value;
  }
  return data.length ? { ...message, data: data.join('\n') } : undefined;
}
