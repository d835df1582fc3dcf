/**
 * Freezes a value and everything under it, in place, and answers it: what a cache hands to
 * every caller is frozen, so a caller changing it fails loudly rather than changing the next
 * caller's answer.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
