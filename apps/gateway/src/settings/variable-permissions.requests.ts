import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SETTINGS_REQUESTS } from '@monitor/contracts';
import type { Variable } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { findGroup, findUser } from '../api/admin/identity-lookup';
import { ApiError } from '../api/api-error';
import { RequestRegistry } from '../api/request-registry';
import { SettingsCommands } from './settings-commands';

/**
 * Monitor's, beyond Komodo: who may use a secret variable in the configs they write (admins
 * always). Masking hides a secret in logs; the use itself is what this grants.
 */
@Injectable()
export class VariablePermissionRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly settings: SettingsCommands,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.handle(SETTINGS_REQUESTS.GetVariablePermissions, async ({ name }) =>
      this.grantees(this.variable(name)),
    );
    this.registry.handle(
      SETTINGS_REQUESTS.UpdateVariablePermission,
      async ({ name, user_target, use }, { meta }) => {
        const id =
          user_target.type === 'User'
            ? findUser(this.readModel, user_target.id).id
            : findGroup(this.readModel, user_target.id).id;
        const user = { type: user_target.type, id };
        await this.settings.variable(this.variable(name).name, { type: 'SetUse', user, use }, meta);
        return this.grantees(this.variable(name));
      },
    );
  }

  private variable(name: string): Variable {
    const variable = this.readModel.settings.variable(name);
    if (!variable) throw new ApiError(404, `no variable is named '${name}'`, 'NOT_FOUND');
    return variable;
  }

  /** The users and groups granted its use, with their names. */
  private grantees(variable: Variable) {
    const users = (variable.users ?? []).map((id) => ({
      user_target: { type: 'User', id },
      name: this.readModel.identity.user(id)?.username ?? id,
    }));
    const groups = (variable.groups ?? []).map((id) => ({
      user_target: { type: 'UserGroup', id },
      name: this.readModel.identity.group(id)?.name ?? id,
    }));
    return { name: variable.name, is_secret: variable.isSecret, users: [...users, ...groups] };
  }
}
