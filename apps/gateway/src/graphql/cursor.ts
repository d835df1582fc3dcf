import { GraphQLError } from 'graphql';

/**
 * Opaque cursors: base64url of `<scope>:<key>`. A resource list's key is the last name seen
 * (names are unique per kind and lists are in name order, so a page stays right when resources
 * are added or removed before it); an Update or alert list's key is an offset from the newest.
 */
export function encodeCursor(scope: string, key: string): string {
  return Buffer.from(`${scope}:${key}`, 'utf8').toString('base64url');
}

/** The cursor's key, or a BAD_USER_INPUT error naming `after` when it is not one of `scope`. */
export function decodeCursor(scope: string, cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${scope}:`)) {
    throw new GraphQLError(`after: '${cursor}' is not a cursor of this list`, {
      extensions: { code: 'BAD_USER_INPUT', status: 400 },
    });
  }
  return text.slice(scope.length + 1);
}

/** An offset cursor's number, or a BAD_USER_INPUT error. */
export function decodeOffset(scope: string, cursor: string): number {
  const offset = Number(decodeCursor(scope, cursor));
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new GraphQLError(`after: '${cursor}' is not a cursor of this list`, {
      extensions: { code: 'BAD_USER_INPUT', status: 400 },
    });
  }
  return offset;
}
