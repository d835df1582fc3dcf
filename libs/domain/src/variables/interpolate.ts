import { invalid } from '../shared/domain-error';

export interface VariableValue {
  value: string;
  isSecret: boolean;
}

export interface Interpolated {
  text: string;
  /** Plaintext of the secret values used: what must be redacted wherever the text goes. */
  secrets: string[];
}

/** `[[NAME]]`: a variable's name between double brackets. */
export const VARIABLE_REFERENCE = /\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]/g;

/**
 * Replaces `[[NAME]]` by the variable's value, at execution time. An unknown name fails the
 * whole text with the name, rather than leaving the reference for a command to trip over.
 */
export function interpolate(
  text: string,
  lookup: (name: string) => VariableValue | undefined,
): Interpolated {
  const secrets = new Set<string>();
  const missing: string[] = [];
  const result = text.replace(VARIABLE_REFERENCE, (reference, name: string) => {
    const variable = lookup(name);
    if (!variable) {
      missing.push(name);
      return reference;
    }
    if (variable.isSecret && variable.value) secrets.add(variable.value);
    return variable.value;
  });
  if (missing.length) {
    throw invalid(
      `unknown variable${missing.length > 1 ? 's' : ''} ${missing.map((n) => `'${n}'`).join(', ')}`,
      {
        variables: missing,
      },
    );
  }
  return { text: result, secrets: [...secrets] };
}
