import type { ValidationError } from 'class-validator';
import { isVariantClass } from './hints';
import { isRecord } from './rules';

export type FieldError = {
  /** Dotted path inside the config, e.g. "image.params.build_id"; "config" for the whole. */
  field: string;
  message: string;
};

function unknownField(property: string, field: string, holder: unknown, grand: unknown): string {
  const cls = isRecord(holder) ? holder.constructor : undefined;
  if (cls && isVariantClass(cls) && isRecord(grand) && typeof grand.type === 'string') {
    const tag = [...field.split('.').slice(0, -2), 'type'].join('.');
    return `unknown field '${property}' (not a field of ${tag} '${grand.type}')`;
  }
  return `unknown field '${property}'`;
}

/** class-validator's tree, flattened to one error per field with its full path in the text. */
export function toFieldErrors(
  errors: ValidationError[],
  parent: string[] = [],
  holder?: unknown,
  grand?: unknown,
): FieldError[] {
  return errors.flatMap((error) => {
    const path = [...parent, error.property];
    const field = path.join('.');
    const own = Object.entries(error.constraints ?? {}).map(([name, text]) => ({
      field,
      message:
        name === 'whitelistValidation'
          ? unknownField(error.property, field, holder ?? error.target, grand)
          : text.startsWith(error.property)
            ? field + text.slice(error.property.length)
            : `${field}: ${text}`,
    }));
    const nested = toFieldErrors(error.children ?? [], path, error.value, holder ?? error.target);
    return [...own, ...nested];
  });
}
