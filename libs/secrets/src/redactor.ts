import { MASK } from './paths';
import { PatternSet } from './pattern-set';
import { MIN_SECRET_LENGTH, secretForms, type SecretForms } from './secret-forms';
import { MAX_GAP, skeletonWithOffsets } from './skeleton';

/**
 * Masks every known plaintext secret in text and JSON, in the forms `secretForms` lists: logs,
 * Update stages, feed messages and errors, including commands after interpolation. Counted: a
 * value added twice (two variables with the same value) stays redacted until removed twice.
 */
export class Redactor {
  private readonly values = new Map<string, number>();
  private readonly exact = new PatternSet(false);
  private readonly folded = new PatternSet(true);
  private readonly skeletons = new PatternSet(false);

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
    this.forEachSet(secretForms(value), (set, forms) => set.add(forms));
  }

  remove(value: string): void {
    const count = this.values.get(value);
    if (count === undefined) return;
    if (count > 1) this.values.set(value, count - 1);
    else this.values.delete(value);
    this.forEachSet(secretForms(value), (set, forms) => set.remove(forms));
  }

  redact(text: string): string {
    return maskSpans(text, this.spans(text), text.length);
  }

  /** Sorted, disjoint [start, end) spans of `text` covered by secrets (for streaming). */
  spans(text: string): [number, number][] {
    if (this.values.size === 0 || text.length < MIN_SECRET_LENGTH) return [];
    const found = [this.exact, this.folded]
      .map((set) => set.built()?.cover(text) ?? [])
      .concat([this.spread(text)])
      .filter((spans) => spans.length > 0);
    return found.length === 1 ? found[0] : union(found.flat());
  }

  /** Values printed with separators between their characters, found in the text's skeleton. */
  private spread(text: string): [number, number][] {
    const matcher = this.skeletons.built();
    if (matcher === null) return [];
    const { skeleton, at } = skeletonWithOffsets(text);
    return matcher.cover(skeleton).map(([start, end]) => [at[start], at[end - 1] + 1]);
  }

  /** Length of the longest form of any known secret: how far one may straddle two chunks. */
  get longest(): number {
    return Math.max(
      this.exact.built()?.longestPattern ?? 0,
      this.folded.built()?.longestPattern ?? 0,
      (MAX_GAP + 1) * (this.skeletons.built()?.longestPattern ?? 0),
    );
  }

  private forEachSet(
    forms: SecretForms,
    fn: (set: PatternSet, forms: readonly string[]) => void,
  ): void {
    fn(this.exact, forms.exact);
    fn(this.folded, forms.folded);
    fn(this.skeletons, forms.skeleton);
  }

  /** A copy with every string inside redacted, keys left as they are (the value itself when no
   * secret is known). JSON only: other class instances than errors pass through. */
  redactDeep<T>(value: T): T {
    if (this.values.size === 0) return value;
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
    for (const [key, item] of Object.entries(error)) Reflect.set(copy, key, this.deep(item));
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

/** Spans from several lists as one sorted list, overlapping spans merged (as `cover` does). */
function union(all: [number, number][]): [number, number][] {
  all.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of all) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
