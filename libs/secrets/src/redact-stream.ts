import { maskSpans, type Redactor } from './redactor';

/**
 * Redacts a stream of chunks (a process's stdout for a live feed), where a secret may arrive
 * split across two chunks: holds back just enough of the tail that no secret can be cut, so
 * output lags by at most the longest secret's length. Call `end` for the rest.
 */
export class RedactingStream {
  private carry = '';

  constructor(private readonly redactor: Redactor) {}

  push(chunk: string): string {
    const text = this.carry + chunk;
    const spans = this.redactor.spans(text);
    // Text from `cut` on may be the start of a secret whose end has not arrived yet.
    let cut = Math.max(0, text.length - Math.max(0, this.redactor.longest - 1));
    // Never cut a found secret in two: stop before it, it is emitted whole with the next chunk.
    const kept = spans.filter(([start]) => start < cut);
    const last = kept[kept.length - 1];
    if (last !== undefined && last[1] > cut) {
      cut = last[0];
      kept.pop();
    }
    this.carry = text.slice(cut);
    return maskSpans(text, kept, cut);
  }

  end(): string {
    const rest = this.redactor.redact(this.carry);
    this.carry = '';
    return rest;
  }
}
