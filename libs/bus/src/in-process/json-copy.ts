/**
 * A copy through JSON, as a payload is on NATS: caller and handler never share a mutable
 * object, and what does not survive JSON (a Date, a class instance, `undefined` fields)
 * arrives the way it would over the network.
 */
export function jsonCopy<T>(value: T): T {
  const text = JSON.stringify(value);
  return text === undefined ? value : (JSON.parse(text) as T);
}
