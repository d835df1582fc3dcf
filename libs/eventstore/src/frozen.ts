/**
 * Freezes a value decoded from JSON, and everything in it: an event handed to every subscriber
 * of a store is one object, which none of them can change for the others. Every follower of
 * the store pays this for every event, hence loops that allocate nothing (no Object.values).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    for (const key in value) deepFreeze(value[key]);
  }
  return value;
}
