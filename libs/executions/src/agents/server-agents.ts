import { callAgent, type AgentAddress } from '@monitor/agent-client';
import { invalid, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ConfigSecrets } from '@monitor/resources';
import type { Keyring } from '@monitor/secrets';
import type { AgentCaller } from './agent-caller';
import { fromAgent } from './agent-errors';

const INTERACTIVE_TIMEOUT_MS = 8_000;

/**
 * How to reach each Server's agent: its address, its passkey opened for the call, its pin.
 * A plain class, without the runtime's injection tokens, so that this lib does not depend on the
 * runtime that wires it: a service provides it from its read model and keyring.
 */
export class ServerAgents implements AgentCaller {
  private readonly secrets: ConfigSecrets;

  constructor(
    private readonly readModel: ReadModel,
    keyring: Keyring,
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
