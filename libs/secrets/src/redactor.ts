import { MultiMatcher } from './aho-corasick';
import { MASK } from './paths';

/**
 * Values shorter than this are never redacted: masking every "1", "yes" or "abc" would shred
 * logs beyond use while protecting nothing (such a value can be guessed anyway).
 */
export const MIN_SECRET_LENGTH = 4;

/**
 * The forms a secret takes in text besides itself: percent-encoded in URLs (git remotes with a
 * token) and escaped inside JSON strings (multi-line keys in serialized logs).
 */
function variants(value: string): Set<string> {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1)]);
  try {
    forms.add(encodeURIComponent(value));
  } catch {
    // a lone surrogate cannot be percent-encoded, so it cannot appear that way either
  }
  return forms;
}

/**
 * Masks every known plaintext secret in text and JSON: logs, Update stages, feed messages and
 * errors, including commands after interpolation. Counted: a value added twice (two variables
 * with the same value) stays redacted until removed twice.
 */
export class Redactor {
  private readonly values = new Map<string, number>();
  private readonly patterns = new Map<string, number>();
  private matcher: MultiMatcher | null = null;

  constructor(values: Iterable<string> = []) {
    for (const value of values) this.add(value);
  }

  get size(): number {
    return this.values.size;
  }

  has(value: string): boolean {
    return this.values.has(value);
  }

  add(value: string): void {
    if (value.length < MIN_SECRET_LENGTH || value.trim() === '') return;
    this.values.set(value, (this.values.get(value) ?? 0) + 1);
    for (const form of variants(value)) this.patterns.set(form, (this.patterns.get(form) ?? 0) + 1);
    this.matcher = null;
  }

  remove(value: string): void {
    const count = this.values.get(value);
    if (count === undefined) return;
    if (count > 1) this.values.set(value, count - 1);
    else this.values.delete(value);
    for (const form of variants(value)) {
      const uses = this.patterns.get(form) ?? 0;
      if (uses > 1) this.patterns.set(form, uses - 1);
      else this.patterns.delete(form);
    }
    this.matcher = null;
  }

  redact(text: string): string {
    return maskSpans(text, this.spans(text), text.length);
  }

  /** Sorted, disjoint [start, end) spans of `text` covered by secrets (for streaming). */
  spans(text: string): [number, number][] {
    if (this.patterns.size === 0 || text.length < MIN_SECRET_LENGTH) return [];
    return this.built().cover(text);
  }

  /** Length of the longest form of any known secret: how far one may straddle two chunks. */
  get longest(): number {
    return this.patterns.size === 0 ? 0 : this.built().longestPattern;
  }

  /** Built lazily: adding 1,000 secrets at start costs one build, not 1,000. */
  private built(): MultiMatcher {
    this.matcher ??= new MultiMatcher(this.patterns.keys());
    return this.matcher;
  }

  /** A copy with every string inside redacted, keys left as they are (the value itself when no
   * secret is known). JSON only: other class instances than errors pass through. */
  redactDeep<T>(value: T): T {
    if (this.patterns.size === 0) return value;
    return this.deep(value) as T;
  }

  private deep(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => this.deep(item));
    if (value instanceof Error) return this.error(value);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value; // Date, Buffer...: not JSON
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = this.deep(item);
    return copy;
  }

  /** Errors keep their class, code and details; message and stack are not enumerable, so copy. */
  private error(error: Error): Error {
    const copy = Object.create(Object.getPrototypeOf(error)) as Error;
    for (const [key, item] of Object.entries(error))
      (copy as unknown as Record<string, unknown>)[key] = this.deep(item);
    for (const key of ['name', 'message', 'stack', 'cause'] as const) {
      if (
        Object.prototype.hasOwnProperty.call(error, key) &&
        !Object.prototype.propertyIsEnumerable.call(error, key)
      ) {
        Object.defineProperty(copy, key, {
          value: this.deep(error[key]),
          writable: true,
          configurable: true,
          enumerable: false,
        });
      }
    }
    return copy;
  }
}

/** `text` up to `end`, with the spans masked (spans must lie within it). */
export function maskSpans(text: string, spans: readonly [number, number][], end: number): string {
  if (spans.length === 0) return end === text.length ? text : text.slice(0, end);
  const parts: string[] = [];
  let from = 0;
  for (const [start, stop] of spans) {
    parts.push(text.slice(from, start), MASK);
    from = stop;
  }
  parts.push(text.slice(from, end));
  return parts.join('');
}
