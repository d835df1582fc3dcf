import { Inject, Injectable } from '@nestjs/common';
import { callAgent, type AgentAddress } from '@monitor/agent-client';
import { invalid, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ConfigSecrets } from '@monitor/resources';
import { KEYRING, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { fromAgent } from './agent-errors';

const INTERACTIVE_TIMEOUT_MS = 8_000;

/** How to reach each Server's agent: its address, its passkey opened for the call, its pin. */
@Injectable()
export class ServerAgents {
  private readonly secrets: ConfigSecrets;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) keyring: Keyring,
  ) {
    this.secrets = new ConfigSecrets(keyring);
  }

  address(server: Resource): AgentAddress {
    const config = this.secrets.open('Server', server.config) as {
      address: string;
      passkey: string;
      insecure_tls: boolean;
    };
    if (!config.address)
      throw invalid(`Server '${server.name}' has no address`, { field: 'config.address' });
    return {
      address: config.address,
      passkey: config.passkey,
      insecureTls: config.insecure_tls,
      pinnedFingerprint: this.readModel.serverStatus.status(server.id)?.fingerprint,
    };
  }

  /**
   * Calls the agent of a server for someone waiting on it (a read, an execution's stage): given
   * longer than a poll, yet less than the bus's own timeout, so that the caller hears why.
   */
  async call<T>(
    server: Resource,
    type: string,
    params: unknown = {},
    timeoutMs = INTERACTIVE_TIMEOUT_MS,
  ) {
    return (await callAgent<T>(this.address(server), type, params, timeoutMs)).body;
  }

  /**
   * A read asked of the agent for a user: as `call`, with the agent's failure answered as the
   * caller should see it (unreachable is 503 naming the server, not a 500).
   */
  async ask<T = unknown>(server: Resource, type: string, params: unknown = {}): Promise<T> {
    try {
      return await this.call<T>(server, type, params);
    } catch (error) {
      throw fromAgent(server, error);
    }
  }
}
