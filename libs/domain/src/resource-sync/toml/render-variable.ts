import type { Variable } from '../../variables/variable';
import { formatTable } from './format';

/**
 * `[[variable]]` as Komodo writes it: name, description, value, is_secret. A secret's value is
 * left out (a file declaring it without one keeps the stored value); Komodo writes `###`.
 */
export function renderVariableToml(variable: Variable): string {
  const value =
    variable.isSecret || typeof variable.value !== 'string' || variable.value === ''
      ? undefined
      : variable.value;
  const body = formatTable(
    {
      name: variable.name,
      description: variable.description || undefined,
      value,
      is_secret: variable.isSecret,
    },
    { skipEmptyObject: true },
  );
  return `[[variable]]\n${body}`;
}
