import { invalid } from '../../shared/domain-error';
import type { CloudAccountView } from '../cloud-account';
import type { ServerTemplateConfig } from '../server-template.config';

/**
 * What a launch needs beyond what a write checks, refused before anything is spent: a write
 * takes a template being filled in, a launch needs it whole. Komodo found the last two only
 * after the machine was running ("instance does not have public ipv4", "no private networks").
 */
export function checkLaunchable(config: ServerTemplateConfig): void {
  const fail = (field: string, why: string) =>
    invalid(`config.params.${field}: ${why}`, { field: `config.params.${field}` });
  if (config.type === 'Aws') {
    const p = config.params;
    if (!p.ami_id) throw fail('ami_id', "a launch needs an AMI carrying Monitor's agent");
    if (p.use_public_ip && !p.assign_public_ip)
      throw fail('use_public_ip', 'needs assign_public_ip: the instance would have no public IP');
    return;
  }
  const p = config.params;
  if (!p.image)
    throw fail('image', 'a launch needs an image (a name such as ubuntu-24.04, or an id)');
  // Snapshots are named by id; a name is one of Hetzner's own images, which lack the agent.
  if (!/^\d+$/.test(p.image) && p.user_data.trim() === '')
    throw fail(
      'user_data',
      `'${p.image}' is a Hetzner image without Monitor's agent: give user_data that installs it, or the id of a snapshot that has it`,
    );
  if (p.use_public_ip && !p.enable_public_ipv4)
    throw fail('use_public_ip', 'needs enable_public_ipv4: the server would have no public IPv4');
  if (!p.use_public_ip && p.private_network_ids.length === 0)
    throw fail(
      'private_network_ids',
      'name a private network, or set use_public_ip: the core reaches the agent at one of them',
    );
}

/**
 * The cloud account a template names, or undefined for '' (the core config's credentials).
 * An account of another provider, or none by that name, is refused naming `cloud_account`.
 */
export function cloudAccountFor(
  config: ServerTemplateConfig,
  accounts: readonly CloudAccountView[],
): CloudAccountView | undefined {
  const name = config.params.cloud_account;
  if (!name) return undefined;
  const field = 'config.params.cloud_account';
  const account = accounts.find((a) => a.name === name);
  if (!account) throw invalid(`${field}: no cloud account is named '${name}'`, { field });
  if (account.provider !== config.type)
    throw invalid(
      `${field}: '${name}' is ${account.provider === 'Aws' ? 'an Aws' : 'a Hetzner'} account; this template launches on ${config.type}`,
      { field },
    );
  return account;
}
