import type { DeclaredSet } from '../declared';
import type { DeleteGuard } from './types';

/** Above this many deletes a run needs `confirm_deletes`. */
export const UNCONFIRMED_DELETES = 5;
/** ... or above this share of what the sync could delete. */
export const UNCONFIRMED_SHARE = 0.25;

/** Files declaring nothing at all: an empty folder, a wrong path or branch. */
export function declaresNothing(declared: DeclaredSet): boolean {
  return !declared.resources.length && !declared.variables.length && !declared.userGroups.length;
}

/**
 * Komodo users have lost whole setups to one commit: a plan deleting more than 5 resources, or
 * more than a quarter of its scope, needs `confirm_deletes` equal to its number of deletes.
 */
export function deleteGuard(
  deletes: number,
  scope: number,
  nothingDeclared: boolean,
  withheld: number,
): DeleteGuard {
  const needsConfirm = deletes > UNCONFIRMED_DELETES || deletes > scope * UNCONFIRMED_SHARE;
  return { deletes, scope, needsConfirm, declaresNothing: nothingDeclared, withheld };
}
