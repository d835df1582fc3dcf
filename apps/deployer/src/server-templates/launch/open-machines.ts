import { HetznerClient } from '@monitor/cloud';
import type { ServerTemplateConfig } from '@monitor/domain';
import { AwsMachines } from './aws-machines';
import { HetznerMachines } from './hetzner-machines';
import type { CloudMachines, LaunchTiming } from './cloud-machines';
import type { LaunchCredentials } from './launch-credentials';

/** The provider's side of one launch, signed with its credentials. */
export async function openMachines(
  config: ServerTemplateConfig,
  credentials: LaunchCredentials,
  serverName: string,
  updateId: string,
  timing: LaunchTiming,
): Promise<CloudMachines> {
  if (config.type === 'Aws' && credentials.provider === 'Aws')
    return AwsMachines.open(credentials.account, config.params, serverName, updateId, timing);
  if (config.type === 'Hetzner' && credentials.provider === 'Hetzner') {
    const client = new HetznerClient({
      token: credentials.token,
      ...(credentials.baseUrl ? { baseUrl: credentials.baseUrl } : {}),
    });
    return new HetznerMachines(client, config.params, serverName, updateId, timing);
  }
  throw new Error(`${config.type} template with ${credentials.provider} credentials`);
}
