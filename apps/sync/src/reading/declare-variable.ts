import { type DeclaredVariable, DomainError, checkVariableName } from '@monitor/domain';
import type { Entry } from './entry';

const VARIABLE_KEYS = ['name', 'value', 'description', 'is_secret'];

/**
 * A `[[variable]]` table (Komodo's Variable). An omitted value is Komodo's default, '', except on
 * a secret: a secret declared without its value keeps the stored one (nothing in git to leak).
 */
export function declareVariable(entry: Entry): DeclaredVariable | undefined {
  entry.warnUnknown(VARIABLE_KEYS);
  const name = entry.name();
  const value = entry.string('value');
  const description = entry.string('description');
  const isSecret = entry.boolean('is_secret');
  if (name === undefined) return undefined;
  try {
    checkVariableName(name);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    entry.report('error', 'name', error.message.replace(/^name: /, ''));
    return undefined;
  }
  return {
    name,
    ...(value !== undefined ? { value } : !isSecret && { value: '' }),
    ...(description !== undefined && { description }),
    ...(isSecret !== undefined && { is_secret: isSecret }),
    source: { file: entry.lines.file, line: entry.lines.line },
    lines: entry.lines.keyLines(),
  };
}
