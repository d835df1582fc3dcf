import { type ValueProblem as Problem, shown } from './field-problem';

/*
 * What a write checks of a Hetzner template, as problems ("must be …" or undefined), in
 * Hetzner Cloud's own rules for volumes and labels.
 */

export const HETZNER_VOLUME_SIZE_GB = { min: 10, max: 10240 } as const;

/** A label's name, value, or a volume's name: alphanumeric ends, `-_.` between, 63 at most. */
const SEGMENT = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)$/;
/** A label key's optional prefix: a DNS subdomain. */
const DNS_SUBDOMAIN =
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const RESERVED_PREFIX = 'hetzner.cloud';

export function hetznerVolumeSizeProblem(value: number): Problem {
  const { min, max } = HETZNER_VOLUME_SIZE_GB;
  return value >= min && value <= max
    ? undefined
    : `must be between ${min} and ${max} GB for a Hetzner volume (got ${value})`;
}

export function hetznerVolumeNameProblem(value: string): Problem {
  return SEGMENT.test(value)
    ? undefined
    : `must be 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (got ${shown(value)})`;
}

/** Hetzner's label keys: `[prefix/]name`, the prefix a DNS subdomain, hetzner.cloud reserved. */
export function hetznerLabelKeyProblem(key: string): Problem {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined) {
    if (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
      return `key ${shown(key)}: its prefix must be a DNS subdomain such as example.com`;
    if (prefix === RESERVED_PREFIX || prefix.endsWith(`.${RESERVED_PREFIX}`))
      return `key ${shown(key)}: the prefix ${RESERVED_PREFIX}/ is Hetzner's own`;
  }
  return SEGMENT.test(name)
    ? undefined
    : `key ${shown(key)}: its name must be 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
}

export function hetznerLabelValueProblem(value: string): Problem {
  return value === '' || SEGMENT.test(value)
    ? undefined
    : `value ${shown(value)}: must be empty or up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
}

/** The first bad label, as ".key …" so it reads after the field's path. */
export function hetznerLabelsProblem(labels: Record<string, string>): Problem {
  for (const [key, value] of Object.entries(labels)) {
    const problem = hetznerLabelKeyProblem(key) ?? hetznerLabelValueProblem(value);
    if (problem) return `must be Hetzner labels: ${problem}`;
  }
  return undefined;
}
