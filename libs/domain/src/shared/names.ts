import { invalid } from './domain-error';
import { refuseIdShapedName } from './id-shaped-names';
import { refuseMisleadingName } from './misleading-names';

export const MAX_NAME_LENGTH = 128;

/** A resource or tag name: what users type, shown everywhere, unique per kind. */
export function checkName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string') throw invalid(`${field}: must be a string`, { field });
  if (name.trim().length === 0) throw invalid(`${field}: must not be empty`, { field });
  if (name !== name.trim()) {
    throw invalid(`${field}: must not start or end with white space`, { field });
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw invalid(`${field}: at most ${MAX_NAME_LENGTH} characters`, { field });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw invalid(`${field}: must not contain control characters`, { field });
  }
  refuseIdShapedName(name, field);
  refuseMisleadingName(name, field);
  return name;
}
