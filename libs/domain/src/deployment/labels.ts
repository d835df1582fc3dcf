import { attempt, byLine, orThrow, problem, type FieldResult } from './errors';
import { collectKeyValueLines, type LineOptions } from './multiline';

/** Set on every container Monitor runs, to find a Deployment's container again. */
export const DEPLOYMENT_LABEL = 'monitor.deployment';

/** Set on every container of a Stack (through compose): the agent acts only for that Stack. */
export const STACK_LABEL = 'monitor.stack';

/**
 * Label prefixes that say who owns a container: compose's (which project and service) and
 * Monitor's (which Deployment or Stack). A user setting them could pass a container off as
 * another resource's, so they are never taken from a config.
 */
export const RESERVED_LABEL_PREFIXES = ['com.docker.compose.', 'monitor.'] as const;

export function reservedLabelPrefix(key: string): string | undefined {
  return RESERVED_LABEL_PREFIXES.find((prefix) => key.toLowerCase().startsWith(prefix));
}

/**
 * Labels as Docker's `Labels` map. A key given twice keeps its last value, as repeated
 * `--label` flags do. A key ends at the first `=` or `:`; white space in it is refused, as no
 * `--filter label=...` could select it.
 */
export function collectLabels(
  text: string,
  field = 'labels',
  options: LineOptions = {},
): FieldResult<Record<string, string>> {
  const { value: lines, errors } = collectKeyValueLines(text, field, options);
  const value: Record<string, string> = {};
  for (const { key, value: v, line } of lines) {
    const ok = attempt(errors, field, line, () => {
      if (/\s/.test(key)) problem(`'${key}' is not a label key (no white space)`);
      const reserved = reservedLabelPrefix(key);
      if (reserved) {
        const owner = reserved === 'monitor.' ? 'Monitor' : 'compose';
        problem(`'${key}' is reserved: labels starting with ${reserved} are set by ${owner}`);
      }
      return true;
    });
    if (ok) value[key] = v;
  }
  return { value, errors: byLine(errors) };
}

export function parseLabels(
  text: string,
  field = 'labels',
  options?: LineOptions,
): Record<string, string> {
  return orThrow(collectLabels(text, field, options));
}
