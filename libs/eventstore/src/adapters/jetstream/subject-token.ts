/**
 * Stream names as one subject token, reversibly. NATS gives `.` (token separator), `*` and `>`
 * (wildcards) and whitespace meanings, and tools handle non-ASCII subjects unevenly, so only
 * `A-Z a-z 0-9 -` pass as they are; every other UTF-8 byte, `_` included, becomes `_` and two
 * hex digits. `deployment-abc` stays readable; `name-deployment-my.app` becomes
 * `name-deployment-my_2Eapp`, which cannot be mistaken for the stream `name-deployment-my_2Eapp`
 * (`name-deployment-my_5F2Eapp`).
 */
const PLAIN = /^[A-Za-z0-9-]$/;
/** Most stream names (`update-<id>`) are plain through: they are their own token. */
const ALL_PLAIN = /^[A-Za-z0-9-]*$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeStreamToken(stream: string): string {
  if (ALL_PLAIN.test(stream)) return stream;
  let token = '';
  for (const char of stream) {
    if (PLAIN.test(char)) {
      token += char;
      continue;
    }
    for (const byte of encoder.encode(char)) {
      token += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return token;
}

/** The stream name of a token; throws on a token `encodeStreamToken` cannot have made. */
export function decodeStreamToken(token: string): string {
  if (ALL_PLAIN.test(token)) return token;
  const bytes: number[] = [];
  for (let i = 0; i < token.length; i++) {
    const char = token[i];
    if (char === '_') {
      const hex = token.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw new Error(`bad escape in subject token ${token}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (PLAIN.test(char)) {
      bytes.push(char.charCodeAt(0));
    } else {
      throw new Error(`bad character in subject token ${token}`);
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}
