import { EACH } from '../../resources/configs/common';

/** What answers and plans show in place of a secret (`@monitor/secrets`' MASK). */
export const MASK = '*****';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The concrete paths a secret path stands for in `value`: `EACH` becomes each index there. */
export function concretePaths(value: unknown, path: readonly string[]): string[][] {
  const [head, ...rest] = path;
  if (head === undefined) return [[]];
  if (head === EACH) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => concretePaths(item, rest).map((p) => [String(i), ...p]));
  }
  if (!isObject(value) || !(head in value)) return rest.length ? [] : [[head]];
  return concretePaths(value[head], rest).map((p) => [head, ...p]);
}

export function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const step of path) {
    if (!isObject(current)) return undefined;
    current = current[step];
  }
  return current;
}

/** A copy with the leaf set; arrays stay arrays, nothing given is mutated. */
export function withValueAt(value: unknown, path: readonly string[], leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  const node = isObject(value) ? value : {};
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string, unknown>;
  copy[head] = withValueAt(node[head], rest, leaf);
  return copy;
}

/** A secret shows as set or unset, never as its value (plain or sealed). */
export function maskSecret(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return value;
  return MASK;
}

/** The config with every present secret masked: for what a plan shows and hashes. Unset secrets leave it as given. */
export function maskSecrets<T>(config: T, secrets: readonly (readonly string[])[]): T {
  let masked: unknown = config;
  for (const secret of secrets) {
    for (const path of concretePaths(masked, secret)) {
      const value = valueAt(masked, path);
      const shown = maskSecret(value);
      // Copied only where a value is masked: an unset secret leaves the config as it is.
      if (value !== undefined && shown !== value) masked = withValueAt(masked, path, shown);
    }
  }
  return masked as T;
}
