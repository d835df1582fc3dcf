import { Inject, Injectable } from '@nestjs/common';
import { generateApiKey, hashApiSecret, type ApiKeyPair } from '@monitor/auth';
import { userDecider, userStream } from '@monitor/domain';
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
    const { position } = await handleCommand(
      this.store,
      userStream(userId),
      userDecider,
      { type: 'CreateApiKey', key },
      meta,
    );
    await this.readModel.waitFor(position);
    return pair;
  }

  async delete(userId: string, key: string, meta: CommandMeta): Promise<void> {
    const { position } = await handleCommand(
      this.store,
      userStream(userId),
      userDecider,
      { type: 'DeleteApiKey', key },
      meta,
    );
    await this.readModel.waitFor(position);
  }
}
