import { invalid, type Resource, type UrlBuilderConfig } from '@monitor/domain';
import type { AcquiredAgent, AcquireOptions, BuilderLog } from './builder-agent';
import { waitForAgent } from '@monitor/cloud';

export interface UrlBuilderTiming {
  /** How long the agent at the address has to answer (Komodo tries for 10 s). */
  agentTimeoutMs: number;
  intervalMs: number;
}

/**
 * An Url builder builds on the agent at its address, with its own passkey (opened from the
 * config for this execution and masked in its log). Monitor's agents need a passkey: an empty
 * one is refused, where Komodo would fall back to its core-wide passkey, which Monitor has not.
 */
export class UrlBuilderAgents {
  constructor(private readonly timing: UrlBuilderTiming) {}

  /** `params` opened: the passkey in plain text. */
  async acquire(
    builder: Resource<'Builder'>,
    params: UrlBuilderConfig,
    log: BuilderLog,
    options: AcquireOptions = {},
  ): Promise<AcquiredAgent> {
    if (params.passkey) log.secret(params.passkey);
    if (!params.address)
      throw invalid(`Builder '${builder.name}' has no address`, { field: 'config.params.address' });
    if (!params.passkey)
      throw invalid(`Builder '${builder.name}' has no passkey for its agent`, {
        field: 'config.params.passkey',
      });
    const address = {
      address: params.address,
      passkey: params.passkey,
      insecureTls: params.insecure_tls,
    };
    let connected = address;
    await log.stage('connect to builder', `GetVersion ${params.address}`, async () => {
      const { version, agent } = await waitForAgent(address, params.address, {
        timeoutMs: this.timing.agentTimeoutMs,
        intervalMs: this.timing.intervalMs,
        signal: options.signal,
      });
      connected = agent;
      return { stdout: `the agent at ${params.address} answered: version ${version}` };
    });
    return { agent: connected, where: params.address, release: () => Promise.resolve() };
  }
}
