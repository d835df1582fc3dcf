/**
 * An answer of type T already serialised: the RPC controller sends `json` as the body as it
 * is. Anything else that serialises it (the bus) gets the same value through `toJSON`.
 */
export class JsonAnswer<T> {
  constructor(readonly json: string) {}

  /** A JSON array of values each already serialised: the bytes `JSON.stringify` gives the array. */
  static array<T>(serialised: readonly string[]): JsonAnswer<T[]> {
    return new JsonAnswer<T[]>(`[${serialised.join(',')}]`);
  }

  toJSON(): T {
    return JSON.parse(this.json) as T;
  }
}
