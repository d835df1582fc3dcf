import { deciderSpec } from '@monitor/testing';
import { decideUser, evolveUser, type UserState } from './user';
import { decideUserGroup, evolveUserGroup, type UserGroupState } from './user-group';

/** The user and group deciders as given/when/then specs, for the identity specs. */
export const users = deciderSpec({
  decide: decideUser,
  evolve: evolveUser,
  initialState: (): UserState => ({ status: 'Empty' }),
});

export const groups = deciderSpec({
  decide: decideUserGroup,
  evolve: evolveUserGroup,
  initialState: (): UserGroupState => ({ status: 'Empty' }),
});

/** A user signed up: `ann`, id `u1`, enabled as given. */
export const signedUp = (enabled: boolean) => ({
  type: 'UserSignedUp',
  data: { id: 'u1', username: 'ann', passwordHash: 'h', enabled, admin: false },
});
