/** Structural equality for JSON values (what configs are made of). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** Field-level diff: the fields of `patch` whose value differs from `current`. */
export function diffFields(current: object, patch: object): Record<string, FieldChange> {
  const diff: Record<string, FieldChange> = {};
  for (const [field, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from: unknown = (current as Record<string, unknown>)[field];
    if (!deepEqual(from, to)) diff[field] = { from: from ?? null, to };
  }
  return diff;
}
