import { Inject, Injectable } from '@nestjs/common';
import {
  accountStream,
  variableStream,
  type AccountCommand,
  type AccountType,
  type StoredValue,
  type VariableCommand,
  variableDecider,
  accountDecider,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, type CommandMeta } from '@monitor/resources';
import { EVENT_STORE, KEYRING, READ_MODEL } from '@monitor/runtime';
import { isSealed, type Keyring } from '@monitor/secrets';

/**
 * Variables and accounts: settings of the whole installation rather than of one service, kept
 * by the gateway. Secret values are sealed here, before any event is written.
 */
@Injectable()
export class SettingsCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
  ) {}

  /** A secret's stored form: sealed when non-empty (an empty secret is just unset). */
  seal(value: string, secret: boolean): StoredValue {
    return secret && value ? this.keyring.seal(value) : value;
  }

  /** The plaintext of a stored value, for comparing; never answered. */
  open(value: StoredValue): string {
    return isSealed(value) ? this.keyring.open(value) : (value as string);
  }

  async variable(name: string, command: VariableCommand, meta: CommandMeta): Promise<void> {
    const { position } = await handleCommand(
      this.store,
      variableStream(name),
      variableDecider,
      command,
      meta,
    );
    await this.readModel.waitFor(position);
  }

  async account(
    type: AccountType,
    id: string,
    command: AccountCommand,
    meta: CommandMeta,
  ): Promise<void> {
    const { position } = await handleCommand(
      this.store,
      accountStream(type, id),
      accountDecider,
      command,
      meta,
    );
    await this.readModel.waitFor(position);
  }
}
