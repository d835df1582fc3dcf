import { attempt, byLine, orThrow, problem, type FieldResult } from './errors';
import { collectKeyValueLines, type LineOptions } from './multiline';

/** Set on every container Monitor runs, to find a Deployment's container again. */
export const DEPLOYMENT_LABEL = 'monitor.deployment';

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
      if (key === DEPLOYMENT_LABEL) problem(`${DEPLOYMENT_LABEL} is set by Monitor`);
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
