/**
 * The form in which user names are compared: `Admin` and `admin` are one user, and so are
 * names that only look different in compatibility forms (full-width letters, ligatures), which
 * NFKC folds. Names are stored as typed; this key is what reservations and lookups use.
 */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}
