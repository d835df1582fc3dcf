import type { ArgumentsFormat } from './action.config';

export type ActionArguments = Record<string, unknown>;

export type ParsedArguments = { ok: true; args: ActionArguments } | { ok: false; message: string };

/**
 * An Action's `arguments` as its script sees them (`ARGS`), as Komodo reads them: `key_value`
 * lines `KEY=value` (blank lines and `#` comments skipped, `export ` allowed, quotes around a
 * value dropped) or a JSON object. Komodo's toml and yaml are refused rather than misread.
 */
export function parseActionArguments(format: ArgumentsFormat, text: string): ParsedArguments {
  if (!text.trim()) return { ok: true, args: {} };
  if (format === 'json') return parseJson(text);
  if (format === 'key_value') return parseKeyValue(text);
  return {
    ok: false,
    message: `arguments_format ${format} is not supported: use key_value or json`,
  };
}

/** The config's arguments with the run's `args` over them. */
export function mergeActionArguments(
  defaults: ActionArguments,
  overrides: ActionArguments | undefined,
): ActionArguments {
  return { ...defaults, ...overrides };
}

function parseJson(text: string): ParsedArguments {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `arguments: not JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'arguments: JSON arguments must be an object' };
  return { ok: true, args: value as ActionArguments };
}

function parseKeyValue(text: string): ParsedArguments {
  const args: ActionArguments = {};
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    const key = equals > 0 ? line.slice(0, equals).trim() : '';
    if (!key) return { ok: false, message: `arguments line ${index + 1}: expected KEY=value` };
    args[key] = unquote(line.slice(equals + 1).trim());
  }
  return { ok: true, args };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}
