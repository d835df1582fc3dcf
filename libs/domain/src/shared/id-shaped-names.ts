import { invalid } from './domain-error';

const ID_SHAPE = /^[0-9a-f]{24}$/i;

/** What parses as an id: 24 hex characters, a MongoDB ObjectId as Komodo's and Monitor's are. */
export function isIdShaped(value: string): boolean {
  return ID_SHAPE.test(value);
}

/**
 * Requests take a name or an id. A name shaped like an id could stand for another resource's
 * id (a deleted one's, or one not created yet), so it is refused, as Komodo refuses it.
 */
export function refuseIdShapedName(name: string, field = 'name'): void {
  if (isIdShaped(name)) {
    throw invalid(
      `${field}: '${name}' has the shape of an id (24 hex characters); choose a name that does not`,
      { field },
    );
  }
}
