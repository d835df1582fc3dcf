/**
 * Freezes a value decoded from JSON, and everything in it: an event handed to every subscriber
 * of a store is one object, which none of them can change for the others.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}
