import { fieldError, orThrow, type FieldResult } from './errors';

/** Docker's rule for container names. */
export const CONTAINER_NAME_RULE = '[a-zA-Z0-9][a-zA-Z0-9_.-]*';
const CONTAINER_NAME = new RegExp(`^${CONTAINER_NAME_RULE}$`);

/**
 * Komodo's `to_container_compatible_name`: trimmed, every character outside `[a-zA-Z0-9_.-]`
 * becomes `_`, leading non-alphanumerics are dropped. Case is kept (Komodo lowercases only
 * project, image, network and volume names, which Docker requires lowercase; container names
 * need not be). `My App` becomes `My_App`.
 */
export function sanitizeContainerName(name: string): string {
  return name
    .trim()
    .replace(/[^a-zA-Z0-9_.-]/g, '_')
    .replace(/^[^a-zA-Z0-9]+/, '');
}

export function isContainerName(name: string): boolean {
  return CONTAINER_NAME.test(name);
}

/**
 * The container's name: `custom_name` when set, else the Deployment's name made acceptable.
 * Komodo silently rewrites a bad custom_name; Monitor refuses it, so the name a user typed is the
 * name `docker ps` shows, or the write fails saying why.
 */
export function collectContainerName(
  customName: string,
  resourceName: string,
  field = 'custom_name',
): FieldResult<string> {
  const custom = customName.trim();
  if (custom) {
    if (isContainerName(custom)) return { value: custom, errors: [] };
    return {
      value: custom,
      errors: [
        fieldError(field, `'${custom}' is not a valid container name (${CONTAINER_NAME_RULE})`),
      ],
    };
  }
  const value = sanitizeContainerName(resourceName);
  if (value) return { value, errors: [] };
  return {
    value,
    errors: [
      fieldError(
        field,
        `the name '${resourceName}' has no character a container name may start with; set custom_name (${CONTAINER_NAME_RULE})`,
      ),
    ],
  };
}

export function containerName(
  customName: string,
  resourceName: string,
  field = 'custom_name',
): string {
  return orThrow(collectContainerName(customName, resourceName, field));
}
