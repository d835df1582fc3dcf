import { MASK } from './paths';
import { looksSealed } from './sealed';

/**
 * A copy with every sealed secret replaced by `*****`, wherever it sits: for events and diffs
 * shown to people, who see that a secret exists and never its ciphertext.
 */
export function maskSealed<T>(value: T): T {
  if (looksSealed(value)) return MASK as T;
  if (Array.isArray(value)) return value.map((item) => maskSealed(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSealed(v)])) as T;
  }
  return value;
}
