const ELLIPSIS = '…';

/**
 * `text` cut to at most `limit` UTF-16 code units, ending with `…` when cut: a message too long
 * for a service is shortened rather than refused. A surrogate pair is never split, so an emoji
 * at the cut goes whole rather than as a broken half.
 */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  if (limit < ELLIPSIS.length) return '';
  let end = limit - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

/** As `truncate`, counting UTF-8 bytes (ntfy limits its message body in bytes). */
export function truncateBytes(text: string, limit: number): string {
  if (Buffer.byteLength(text, 'utf8') <= limit) return text;
  const room = limit - Buffer.byteLength(ELLIPSIS, 'utf8');
  if (room < 0) return '';
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > room) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end) + ELLIPSIS;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
