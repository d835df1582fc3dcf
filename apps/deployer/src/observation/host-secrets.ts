import type { MonitorConfig } from '@monitor/config';
import { KIND_SPECS, RESOURCE_KINDS } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ConfigSecrets, knownSecrets } from '@monitor/resources';
import type { Keyring, Redactor } from '@monitor/secrets';

/**
 * What an answer read from a host (a container's inspect, its processes' command lines) must
 * mask. Beyond what a log masks (secret variables, account tokens): every secret sealed in a
 * resource's config and those of Monitor's own config. A host may run Monitor's agent or core
 * in a container, their secrets in its environment: Inspect on a server must not yield its
 * agent's passkey (root on the host), the core's token key (an admin's token) or its AWS secret.
 */
export function hostSecrets(
  readModel: ReadModel,
  keyring: Keyring,
  config: MonitorConfig,
): Redactor {
  const redactor = knownSecrets(readModel, keyring);
  const sealed = new ConfigSecrets(keyring);
  for (const kind of RESOURCE_KINDS) {
    if (!KIND_SPECS[kind].secrets.length) continue;
    for (const resource of readModel.list(kind)) sealed.open(kind, resource.config, redactor);
  }
  redactor.add(config.auth.jwt_secret);
  redactor.add(config.aws.secret_access_key);
  redactor.add(config.hetzner.token);
  for (const provider of [...config.git_provider, ...config.docker_registry]) {
    for (const account of provider.accounts) redactor.add(account.token);
  }
  return redactor;
}
