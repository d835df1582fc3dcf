import type { FieldError } from './field-errors';
import { aliasesOf } from './hints';
import { isRecord } from './rules';

export interface AliasesResolved {
  errors: FieldError[];
  /** How many aliases were renamed: those under a renamed one were not typed yet. */
  renamed: number;
  /** When given, each rename is recorded here, by dotted path (for a sync file's lines). */
  renames?: AliasRename[];
}

export interface AliasRename {
  from: string;
  to: string;
}

export { aliasesOf };

/**
 * Renames Komodo's serde aliases (`image.params.build`, `server`, `stage`...) to the field they
 * stand for, in the transformed instance and in the plain copy side by side (they share their
 * shape), so what is validated is what is stored. Giving both spellings is refused, as serde
 * refuses a duplicate field.
 */
export function resolveAliases(
  instance: unknown,
  plain: unknown,
  path: string[] = [],
  result: AliasesResolved = { errors: [], renamed: 0 },
): AliasesResolved {
  if (Array.isArray(instance) && Array.isArray(plain)) {
    instance.forEach((item, i) => resolveAliases(item, plain[i], [...path, String(i)], result));
    return result;
  }
  if (!isRecord(instance) || !isRecord(plain)) return result;
  for (const [alias, field] of Object.entries(aliasesOf(instance.constructor) ?? {})) {
    if (!Object.hasOwn(plain, alias)) continue;
    if (Object.hasOwn(plain, field)) {
      const at = [...path, alias].join('.');
      const message = `${at}: give '${field}' or its alias '${alias}', not both`;
      result.errors.push({ field: at, message });
      continue;
    }
    instance[field] = instance[alias];
    plain[field] = plain[alias];
    delete instance[alias];
    delete plain[alias];
    result.renamed++;
    result.renames?.push({ from: [...path, alias].join('.'), to: [...path, field].join('.') });
  }
  for (const key of Object.keys(plain)) {
    resolveAliases(instance[key], plain[key], [...path, key], result);
  }
  return result;
}
