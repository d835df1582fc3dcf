import type { Keyring } from './keyring';
import { isSealed } from './sealed';

/** What every answer, log and feed shows in place of a secret. */
export const MASK = '*****';
/** In a secret path, every element of an array (the domain's `EACH`). */
export const EACH = '*';

export type SecretPaths = readonly (readonly string[])[];

/**
 * A copy of `node` with `fn` applied to the value at `path` (from `index`). Copy-on-write: only
 * the objects along a changed path are copied, the input is never mutated, and an absent path
 * (missing key, null, not an array under '*') leaves everything as it was.
 */
function updateAt(
  node: unknown,
  path: readonly string[],
  index: number,
  fn: (v: unknown) => unknown,
): unknown {
  if (index === path.length) return fn(node);
  if (typeof node !== 'object' || node === null) return node;
  const segment = path[index];
  if (segment === EACH) {
    if (!Array.isArray(node)) return node;
    let changed = false;
    const next = node.map((item) => {
      const updated = updateAt(item, path, index + 1, fn);
      changed ||= updated !== item;
      return updated;
    });
    return changed ? next : node;
  }
  if (!Object.prototype.hasOwnProperty.call(node, segment)) return node;
  const child = (node as Record<string, unknown>)[segment];
  const updated = updateAt(child, path, index + 1, fn);
  if (updated === child) return node;
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string, unknown>;
  copy[segment] = updated;
  return copy;
}

export function mapPaths<T>(obj: T, paths: SecretPaths, fn: (value: unknown) => unknown): T {
  let result: unknown = obj;
  for (const path of paths) result = updateAt(result, path, 0, fn);
  return result as T;
}

/**
 * Seals the non-empty strings at the paths. An empty string stays empty and plain: an empty
 * secret is not a secret, and the UI must still tell "unset" from "set". Sealed values stay.
 */
export function sealPaths<T>(obj: T, paths: SecretPaths, keyring: Keyring): T {
  return mapPaths(obj, paths, (value) =>
    typeof value === 'string' && value !== '' ? keyring.seal(value) : value,
  );
}

/**
 * Opens the sealed values at the paths (plain ones, e.g. written before encryption, stay). Give
 * the redactor so that every opened value is masked wherever it goes next.
 */
export function openPaths<T>(
  obj: T,
  paths: SecretPaths,
  keyring: Keyring,
  redactor?: { add(value: string): void },
): T {
  return mapPaths(obj, paths, (value) => {
    if (!isSealed(value)) return value;
    const plaintext = keyring.open(value);
    redactor?.add(plaintext);
    return plaintext;
  });
}

/** Replaces present, non-empty secret values, sealed or plain, by the mask: for answers. */
export function maskPaths<T>(obj: T, paths: SecretPaths): T {
  return mapPaths(obj, paths, (value) =>
    isSealed(value) || (typeof value === 'string' && value !== '') ? MASK : value,
  );
}
