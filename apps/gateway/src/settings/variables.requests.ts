import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SETTINGS_REQUESTS } from '@monitor/contracts';
import {
  caseTwinConflict,
  checkVariableName,
  refuseCaseTwin,
  VARIABLE_NAME_CATEGORY,
  variableNameKey,
  type Variable,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { NameRegistry, type CommandMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { MASK } from '@monitor/secrets';
import { ApiError } from '../api/api-error';
import { RequestRegistry } from '../api/request-registry';
import { SettingsCommands } from './settings-commands';

/** Komodo's Variable; a secret's value is never answered, only whether it is set. */
export function toKomodoVariable(variable: Variable) {
  const value = variable.isSecret ? (variable.value ? MASK : '') : (variable.value as string);
  return {
    name: variable.name,
    description: variable.description,
    value,
    is_secret: variable.isSecret,
  };
}

/** Global variables: every user may read them (secrets masked); admins change them. */
@Injectable()
export class VariableRequests implements OnModuleInit {
  private readonly names: NameRegistry;

  constructor(
    private readonly registry: RequestRegistry,
    private readonly settings: SettingsCommands,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.names = new NameRegistry(store);
  }

  onModuleInit(): void {
    const current = (name: string) => {
      const variable = this.readModel.settings.variable(name);
      if (!variable) throw new ApiError(404, `no variable is named '${name}'`, 'NOT_FOUND');
      return variable;
    };
    const answer = (name: string) => toKomodoVariable(current(name));
    this.registry.handle(SETTINGS_REQUESTS.ListVariables, async () =>
      this.readModel.settings.allVariables().map(toKomodoVariable),
    );
    this.registry.handle(SETTINGS_REQUESTS.GetVariable, async ({ name }) => answer(name));
    this.registry.handle(
      SETTINGS_REQUESTS.CreateVariable,
      async ({ name, value = '', description = '', is_secret = false }, { meta }) => {
        const variable = {
          name,
          value: this.settings.seal(value, is_secret),
          description,
          isSecret: is_secret,
        };
        await this.reserveName(name, meta);
        try {
          await this.settings.variable(name, { type: 'Create', variable }, meta);
        } catch (error) {
          if (!this.readModel.settings.variable(name)) await this.releaseName(name, meta);
          throw error;
        }
        return answer(name);
      },
    );
    this.registry.handle(
      SETTINGS_REQUESTS.UpdateVariableValue,
      async ({ name, value }, { meta }) => {
        const variable = current(name);
        const sameValue = this.settings.open(variable.value) === value;
        const stored = this.settings.seal(value, variable.isSecret);
        await this.settings.variable(name, { type: 'UpdateValue', value: stored, sameValue }, meta);
        return answer(name);
      },
    );
    this.registry.handle(
      SETTINGS_REQUESTS.UpdateVariableDescription,
      async ({ name, description }, { meta }) => {
        await this.settings.variable(name, { type: 'UpdateDescription', description }, meta);
        return answer(name);
      },
    );
    this.registry.handle(
      SETTINGS_REQUESTS.UpdateVariableIsSecret,
      async ({ name, is_secret }, { meta }) => {
        const variable = current(name);
        if (variable.isSecret && !is_secret && variable.value) {
          // Making it public would show a secret; set a new, public value instead.
          throw new ApiError(
            400,
            `is_secret: variable '${name}' holds a secret; clear its value first, then make it public`,
            'VALIDATION',
          );
        }
        const value = this.settings.seal(this.settings.open(variable.value), is_secret);
        await this.settings.variable(
          name,
          { type: 'UpdateIsSecret', isSecret: is_secret, value },
          meta,
        );
        return answer(name);
      },
    );
    this.registry.handle(SETTINGS_REQUESTS.DeleteVariable, async ({ name }, { meta }) => {
      const before = answer(name);
      await this.settings.variable(name, { type: 'Delete' }, meta);
      await this.releaseName(name, meta);
      return before;
    });
  }

  /**
   * One variable per name in any case: refused against the read model (variables from before
   * reservations), then made atomic by reserving the lower-case name, which a concurrent create
   * in another case finds taken.
   */
  private async reserveName(name: string, meta: CommandMeta): Promise<void> {
    checkVariableName(name);
    refuseCaseTwin(
      this.readModel.settings.allVariables().map((v) => v.name),
      name,
    );
    try {
      await this.names.reserve(VARIABLE_NAME_CATEGORY, variableNameKey(name), name, meta);
    } catch (error) {
      const holder = (error as { details?: { holder?: string } }).details?.holder;
      throw holder ? caseTwinConflict(holder, name) : error;
    }
  }

  private releaseName(name: string, meta: CommandMeta): Promise<void> {
    return this.names.release(VARIABLE_NAME_CATEGORY, variableNameKey(name), name, meta);
  }
}
