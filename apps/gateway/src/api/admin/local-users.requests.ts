import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { checkPasswordStrength, hashPassword } from '@monitor/auth';
import { USER_REQUESTS } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { IdentityCommands } from '../../auth/identity-commands';
import { toKomodoUser } from '../../auth/user-shape';
import { ApiError } from '../api-error';
import { RequestRegistry } from '../request-registry';
import { findUser } from './identity-lookup';

/**
 * Komodo 2's `CreateLocalUser` and `DeleteUser`, admins only: how users are added while sign-ups
 * are closed, and removed; and `GetUsername`, any user's, which names who an Update's operator
 * or a group's member is.
 */
@Injectable()
export class LocalUserRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly identity: IdentityCommands,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    // As Komodo, to any user: a name is what the audit trail shows everyone. A deleted
    // user's name is answered too, as their history still shows it.
    this.registry.handle(USER_REQUESTS.GetUsername, async ({ user_id }) => {
      const username = this.readModel.identity.nameOf(user_id);
      if (username === undefined)
        throw new ApiError(404, `no user has the id '${user_id}'`, 'NOT_FOUND');
      return { username };
    });
    this.registry.handle(
      USER_REQUESTS.CreateLocalUser,
      async ({ username, password }, { meta }) => {
        const weak = checkPasswordStrength(password, username);
        if (weak) throw new ApiError(400, `password: ${weak}`, 'VALIDATION');
        const id = await this.identity.createLocalUser(
          username,
          await hashPassword(password),
          meta,
        );
        return toKomodoUser(this.readModel.identity.user(id)!);
      },
    );
    this.registry.handle(
      USER_REQUESTS.DeleteUser,
      async ({ user: idOrName }, { meta, principal }) => {
        const user = findUser(this.readModel, idOrName);
        if (user.id === principal.id)
          throw new ApiError(400, 'user: you cannot delete yourself', 'VALIDATION');
        // Komodo lets only a super admin delete an admin; Monitor has none: demote first.
        if (user.admin) {
          throw new ApiError(
            409,
            `user '${user.username}' is an admin: take the admin rights away first (UpdateUserAdmin)`,
            'CONFLICT',
          );
        }
        await this.identity.deleteUser(user.id, user.username, meta);
        return toKomodoUser(user);
      },
    );
  }
}
