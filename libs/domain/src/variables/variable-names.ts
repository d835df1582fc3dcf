import { conflict } from '../shared/domain-error';

/**
 * Variables are interpolated by their exact name (`[[TOKEN]]`), but two that differ only in case
 * (`TOKEN`, `token`) would be mistaken for each other by whoever reads a config: one name per
 * spelling in any case. The key is what the name reservation holds (`name-variable-<key>`).
 */
export const VARIABLE_NAME_CATEGORY = 'variable';

export function variableNameKey(name: string): string {
  return name.toLowerCase();
}

/** Refuses `name` when another variable differs from it only in case; the same name passes. */
export function refuseCaseTwin(existing: Iterable<string>, name: string): void {
  const key = variableNameKey(name);
  for (const other of existing) {
    if (other !== name && variableNameKey(other) === key) throw caseTwinConflict(other, name);
  }
}

export function caseTwinConflict(existing: string, name: string) {
  return conflict(
    `name: a variable named '${existing}' already exists; '${name}' differs from it only in case`,
    { field: 'name', existing },
  );
}
