import { callAgent, callAgentStreaming, type AgentAddress } from '@monitor/agent-client';
import type { AgentAnswerOf, AgentEntry } from '@monitor/contracts';
import { invalid, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ConfigSecrets } from '@monitor/resources';
import type { Keyring } from '@monitor/secrets';
import type { OutputSink } from '../runner/live-output';
import type { AgentCallArgs, AgentCaller } from './agent-caller';
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

  address(server: Resource<'Server'>): AgentAddress {
    const config = this.secrets.open('Server', server.config);
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
  async call<E extends AgentEntry>(
    entry: E,
    server: Resource<'Server'>,
    ...[params, timeoutMs = INTERACTIVE_TIMEOUT_MS]: AgentCallArgs<E>
  ): Promise<AgentAnswerOf<E>> {
    const answer = await callAgent<AgentAnswerOf<E>>(
      this.address(server),
      entry.name,
      params ?? {},
      timeoutMs,
    );
    return answer.body;
  }

  /** As `call`, streaming: see AgentCaller.stream. */
  async stream<E extends AgentEntry>(
    entry: E,
    server: Resource<'Server'>,
    output: OutputSink,
    ...[params, timeoutMs = INTERACTIVE_TIMEOUT_MS]: AgentCallArgs<E>
  ): Promise<AgentAnswerOf<E>> {
    const answer = await callAgentStreaming<AgentAnswerOf<E>>(
      this.address(server),
      entry.name,
      params ?? {},
      timeoutMs,
      output,
    );
    return answer.body;
  }

  /**
   * A read asked of the agent for a user: as `call`, with the agent's failure answered as the
   * caller should see it (unreachable is 503 naming the server, not a 500).
   */
  async ask<E extends AgentEntry>(
    entry: E,
    server: Resource<'Server'>,
    ...[params]: AgentCallArgs<E>
  ): Promise<AgentAnswerOf<E>> {
    try {
      return await this.call(entry, server, ...([params] as AgentCallArgs<E>));
    } catch (error) {
      throw fromAgent(server, error);
    }
  }
}
