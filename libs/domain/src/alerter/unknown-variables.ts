import { variableReferences } from '../variables/variable-use';

/**
 * The `[[NAME]]` references in a text (or every string of a config) that name no known variable,
 * each with the field it is in. Pure: the caller knows the variables.
 */
export function unknownVariables(
  value: unknown,
  known: ReadonlySet<string> | ((name: string) => boolean),
  field = 'config',
): { name: string; field: string }[] {
  const isKnown = typeof known === 'function' ? known : (name: string) => known.has(name);
  return variableReferences(value, field).filter(({ name }) => !isKnown(name));
}
