import { Inject, Injectable } from '@nestjs/common';
import { generateApiKey, hashApiSecret, type ApiKeyPair } from '@monitor/auth';
import { userDecider, userStream, type UserCommand } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, type CommandMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';

/**
 * The API key an Action's run signs in with: the action user's, made for this run only, expiring
 * when the run's time limit does, and deleted when the run ends whatever the outcome.
 */
@Injectable()
export class RunApiKeys {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  async create(
    userId: string,
    action: string,
    ttlMs: number,
    meta: CommandMeta,
  ): Promise<ApiKeyPair> {
    const pair = generateApiKey();
    const key = {
      key: pair.key,
      name: `action run: ${action}`,
      secretHash: hashApiSecret(pair.secret),
      createdAt: Date.now(),
      expires: Date.now() + ttlMs,
    };
    await this.handle(userId, { type: 'CreateApiKey', key }, meta);
    return pair;
  }

  delete(userId: string, key: string, meta: CommandMeta): Promise<void> {
    return this.handle(userId, { type: 'DeleteApiKey', key }, meta);
  }

  /** Decided on the user's stream; answered once the read model has it (the run signs in next). */
  private async handle(userId: string, command: UserCommand, meta: CommandMeta): Promise<void> {
    const { position } = await handleCommand(
      this.store,
      userStream(userId),
      userDecider,
      command,
      meta,
    );
    await this.readModel.waitFor(position);
  }
}
