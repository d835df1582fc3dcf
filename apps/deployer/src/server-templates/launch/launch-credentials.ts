import type { Ec2Account } from '@monitor/cloud';
import type { MonitorConfig } from '@monitor/config';
import {
  cloudAccountFor,
  cloudAccountView,
  invalid,
  type ServerTemplateConfig,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { isSealed, type Keyring } from '@monitor/secrets';

export type LaunchCredentials =
  | { provider: 'Aws'; account: Ec2Account; secrets: string[] }
  | { provider: 'Hetzner'; token: string; baseUrl?: string; secrets: string[] };

/**
 * The credentials a template launches with: those of the cloud account it names (opened from
 * the keyring just for this launch), else the core config's `[aws]` / `[hetzner]`. The
 * endpoints are the core config's either way (where the API is, not who calls it). `secrets`
 * lists what every log of the launch must mask.
 */
export class LaunchCredentialsResolver {
  constructor(
    private readonly config: MonitorConfig,
    private readonly readModel: ReadModel,
    private readonly keyring: Keyring,
  ) {}

  resolve(template: ServerTemplateConfig): LaunchCredentials {
    const stored = this.readModel.cloudAccounts.all(template.type);
    const named = cloudAccountFor(template, stored.map(cloudAccountView));
    const account = named && stored.find((a) => a.id === named.id);
    const open = (field: string) => {
      const value = account?.credentials[field];
      if (value === undefined) return '';
      return isSealed(value) ? this.keyring.open(value) : String(value);
    };
    if (template.type === 'Aws') {
      const aws = account
        ? { access_key_id: open('access_key_id'), secret_access_key: open('secret_access_key') }
        : this.config.aws;
      if (!aws.access_key_id || !aws.secret_access_key)
        throw missing('Aws', '[aws] access_key_id and secret_access_key');
      const endpoint = this.config.aws.endpoint;
      return {
        provider: 'Aws',
        account: {
          access_key_id: aws.access_key_id,
          secret_access_key: aws.secret_access_key,
          ...(endpoint ? { endpoint } : {}),
        },
        secrets: [aws.secret_access_key],
      };
    }
    const token = account ? open('token') : this.config.hetzner.token;
    if (!token) throw missing('Hetzner', '[hetzner] token');
    const baseUrl = this.config.hetzner.base_url;
    return { provider: 'Hetzner', token, ...(baseUrl ? { baseUrl } : {}), secrets: [token] };
  }
}

function missing(provider: string, settings: string) {
  const field = 'config.params.cloud_account';
  return invalid(
    `${field}: no ${provider} credentials: name a cloud account, or set ${settings} in the core config`,
    { field },
  );
}
