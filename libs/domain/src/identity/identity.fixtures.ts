import { deciderSpec } from '@monitor/testing';
import { userDecider } from './user';
import { userGroupDecider } from './user-group';

/** The user and group deciders as given/when/then specs, for the identity specs. */
export const users = deciderSpec(userDecider);

export const groups = deciderSpec(userGroupDecider);

/** A user signed up: `ann`, id `u1`, enabled as given. */
export const signedUp = (enabled: boolean) => ({
  type: 'UserSignedUp',
  data: { id: 'u1', username: 'ann', passwordHash: 'h', enabled, admin: false },
});
