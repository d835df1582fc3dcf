/*
 * cloud-init's MIME multipart user data (`cloud-init devel make-mime`): several parts, each with
 * its own Content-Type, so a user's script and Monitor's agent config travel side by side
 * without either being rewritten. Lines end in LF, as cloud-init's own tool writes them.
 */

export interface MimePart {
  /** e.g. text/x-shellscript, text/cloud-config; multipart/… for a nested document. */
  contentType: string;
  body: string;
}

const MAX_7BIT_LINE = 998;
const BASE64_LINE = 76;

const isAscii = (text: string) => /^\p{ASCII}*$/u.test(text);

/** Text that can travel unencoded: ASCII, no CR, no over-long line. */
function is7bit(text: string): boolean {
  return (
    isAscii(text) &&
    !text.includes('\r') &&
    text.split('\n').every((line) => line.length <= MAX_7BIT_LINE)
  );
}

function base64Lines(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const encoded = btoa(binary);
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += BASE64_LINE)
    lines.push(encoded.slice(i, i + BASE64_LINE));
  return lines.join('\n');
}

function fromBase64(text: string): string {
  const binary = atob(text.replace(/\s+/g, ''));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** A boundary that no line of any part can be mistaken for. */
function boundaryFor(texts: string[]): string {
  let boundary = '===============MONITOR==';
  for (let i = 1; texts.some((t) => t.includes(boundary)); i++)
    boundary = `===============MONITOR${i}==`;
  return boundary;
}

function headerBlock(part: MimePart): { head: string; body: string } {
  // A nested multipart document brings its own headers: it is placed as it is.
  if (part.contentType.startsWith('multipart/')) return { head: '', body: part.body };
  const plain = is7bit(part.body);
  const charset = isAscii(part.body) ? 'us-ascii' : 'utf-8';
  const head = [
    `Content-Type: ${part.contentType}; charset="${charset}"`,
    'MIME-Version: 1.0',
    `Content-Transfer-Encoding: ${plain ? '7bit' : 'base64'}`,
    '',
    '',
  ].join('\n');
  return { head, body: plain ? part.body : base64Lines(part.body) };
}

/**
 * The parts as one multipart/mixed document. The line break before each boundary belongs to
 * the boundary, so every body comes back exactly, trailing newline or not.
 */
export function composeMultipart(parts: MimePart[]): string {
  const blocks = parts.map(headerBlock);
  const boundary = boundaryFor(blocks.map((b) => b.head + b.body));
  const out = [`Content-Type: multipart/mixed; boundary="${boundary}"`, 'MIME-Version: 1.0', ''];
  for (const { head, body } of blocks) out.push(`--${boundary}`, `${head}${body}`);
  out.push(`--${boundary}--`, '');
  return out.join('\n');
}

function headersOf(text: string): { headers: Map<string, string>; body: string } {
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end < 0 ? '' : text.slice(end + 2) };
}

/**
 * Reads a multipart/mixed document back into its parts, bodies decoded (7bit, 8bit, base64); a
 * nested multipart part comes back whole, headers included. What tests and the fake clouds use
 * to find what an instance would have been given.
 */
export function parseMultipart(document: string): MimePart[] {
  const { headers, body } = headersOf(document);
  const type = headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary)
    throw new Error('not a multipart document');
  const end = body.indexOf(`\n--${boundary}--`);
  if (end < 0) throw new Error(`the closing boundary --${boundary}-- is missing`);
  const first = body.startsWith(`--${boundary}\n`) ? 0 : body.indexOf(`\n--${boundary}\n`) + 1;
  return body
    .slice(first + boundary.length + 3, end)
    .split(`\n--${boundary}\n`)
    .map((raw) => {
      const part = headersOf(raw);
      const contentType = (part.headers.get('content-type') ?? 'text/plain').split(';')[0].trim();
      if (contentType.startsWith('multipart/')) return { contentType, body: raw };
      const encoding = part.headers.get('content-transfer-encoding')?.toLowerCase();
      return { contentType, body: encoding === 'base64' ? fromBase64(part.body) : part.body };
    });
}
