import { Inject, Injectable } from '@nestjs/common';
import { callAgent, type AgentAddress } from '@monitor/agent-client';
import type { MonitorConfig } from '@monitor/config';
import { invalid, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ConfigSecrets } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';

/** How to reach each Server's agent: its address, its passkey opened for the call, its pin. */
@Injectable()
export class ServerAgents {
  private readonly secrets: ConfigSecrets;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
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

  /** Calls the agent of a server, within the configured poll timeout unless told otherwise. */
  async call<T>(
    server: Resource,
    type: string,
    params: unknown = {},
    timeoutMs = this.config.monitoring.timeout_ms,
  ) {
    return (await callAgent<T>(this.address(server), type, params, timeoutMs)).body;
  }
}
