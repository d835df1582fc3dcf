import { skeletonOf } from './skeleton';

/**
 * Values shorter than this are never redacted: masking every "1", "yes" or "abc" would shred
 * logs beyond use while protecting nothing (such a value can be guessed anyway).
 */
export const MIN_SECRET_LENGTH = 4;

/**
 * Values shorter than this are masked as written (and percent- or JSON-escaped), never in their
 * transformed forms nor whatever their case. A transformed short value makes a short pattern:
 * the part of base64 that depends on 4 characters alone is 4 characters long and turns up in
 * every hash and key in a log; reversed or with its case changed, "test" or "admin" is an
 * ordinary word. From 8 characters on, the shortest form (a base64 core) is 10 characters.
 */
export const MIN_TRANSFORMED_LENGTH = 8;

/**
 * How a secret may appear in text: `exact` forms are matched as they are, `folded` ones
 * whatever the case of their ASCII letters (hex and percent-escapes come in either case, and so
 * does a secret passed through `tr a-z A-Z`).
 */
export interface SecretForms {
  exact: string[];
  folded: string[];
  /** Looked for in the text's skeleton (./skeleton.ts): the value with separators put in. */
  skeleton: string[];
}

/**
 * The forms of `value` a process can print with a common tool: itself percent- and
 * JSON-escaped; and, from MIN_TRANSFORMED_LENGTH on, reversed (`rev`), in hex (`xxd -p`), fully
 * percent-encoded, JSON-escaped as ASCII (Python's `json.dumps`), form-encoded, and in base64
 * (`base64`, `openssl base64`, standard or URL-safe) at each of the three byte alignments it may
 * start at inside a longer input. Hex and base64 of a long value are also matched broken into
 * lines as the tools break them when the value starts their input; and the value with
 * separators put between its characters (./skeleton.ts). None of this stops a determined
 * writer (print the value in halves, encrypt it, put letters between its characters): masking is
 * defence in depth, permission to use a secret is the protection.
 */
export function secretForms(value: string): SecretForms {
  const escaped = [value, jsonEscaped(value), ...percentEncoded(value)];
  if (value.length < MIN_TRANSFORMED_LENGTH) {
    return { exact: unique(escaped), folded: [], skeleton: [] };
  }
  const bytes = Buffer.from(value, 'utf8');
  const reversed = [...value].reverse().join('');
  const folded = [
    ...escaped,
    reversed,
    asciiJsonEscaped(value),
    ...wrapped(bytes.toString('hex'), [HEX_WIDTH]),
    [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
  ];
  const skeleton = skeletonOf(value);
  return {
    exact: unique(base64Forms(bytes)),
    folded: unique(folded),
    skeleton: skeleton.length >= MIN_TRANSFORMED_LENGTH ? [skeleton] : [],
  };
}

function unique(forms: string[]): string[] {
  return [...new Set(forms)];
}

/** Inside a JSON string: a multi-line key in serialized JSON. */
function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** Inside a JSON string written with every non-ASCII character as `\uXXXX`. */
function asciiJsonEscaped(value: string): string {
  return jsonEscaped(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** In a URL (a token in a git remote) and in a form body, where a space is `+`. */
function percentEncoded(value: string): string[] {
  try {
    const component = encodeURIComponent(value);
    return [component, component.replace(/%20/g, '+')];
  } catch {
    // A lone surrogate cannot be percent-encoded, so it cannot appear that way either.
    return [];
  }
}

/**
 * Base64 of the value at each alignment a longer input may put it at (0, 1 or 2 bytes after a
 * 3-byte boundary), in both alphabets. Each alignment gives its core, the characters that depend
 * on the value's bits only (what `echo $S | base64` shows whatever comes before or after), and,
 * for when the value ends the input, the core run to the end with and without padding. The one
 * character on each side that mixes in neighbouring bits is left: it carries at most 4 bits.
 */
function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, last);
    const padded = encoded.slice(first);
    for (const form of [core, padded, padded.replace(/=+$/, '')]) {
      forms.push(form, form.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    if (offset === 0) forms.push(...wrapped(core, BASE64_WIDTHS).slice(1));
  }
  return forms;
}

/** Where `base64` (GNU, busybox) and `openssl base64` break their lines. */
const BASE64_WIDTHS = [76, 64];
/** Where `xxd -p` breaks its lines. */
const HEX_WIDTH = 60;

/**
 * `form`, and `form` broken into lines of each width when longer: what a tool prints for a long
 * value that starts its input. Where the value starts further in, the breaks fall elsewhere.
 */
function wrapped(form: string, widths: number[]): string[] {
  const forms = [form];
  for (const width of widths.filter((w) => form.length > w)) {
    const lines: string[] = [];
    for (let i = 0; i < form.length; i += width) lines.push(form.slice(i, i + width));
    forms.push(lines.join('\n'));
  }
  return forms;
}
