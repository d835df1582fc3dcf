import type { CreateCloudAccountDto, UpdateCloudAccountDto } from '@monitor/contracts';

export type CloudProvider = CreateCloudAccountDto['provider'];
type Credentials = NonNullable<UpdateCloudAccountDto['credentials']>;
export type CredentialField = keyof Credentials & string;

export const CLOUD_PROVIDERS: readonly CloudProvider[] = ['Aws', 'Hetzner'];

/** The credentials each provider takes, as the gateway names them, with their labels. */
export const CREDENTIAL_FIELDS: Record<CloudProvider, { field: CredentialField; label: string }[]> =
  {
    Aws: [
      { field: 'access_key_id', label: 'Access key id' },
      { field: 'secret_access_key', label: 'Secret access key' },
    ],
    Hetzner: [{ field: 'token', label: 'API token' }],
  };

/** What the form holds: the name and each credential as typed (never a stored value). */
export interface CloudAccountForm {
  name: string;
  provider: CloudProvider;
  credentials: Partial<Record<CredentialField, string>>;
}

export const emptyCloudAccountForm = (provider: CloudProvider = 'Aws'): CloudAccountForm => ({
  name: '',
  provider,
  credentials: {},
});

/** The typed credentials of the provider's fields, blanks left out (an update keeps those). */
export function typedCredentials(form: CloudAccountForm): Credentials {
  const typed: Credentials = {};
  for (const { field } of CREDENTIAL_FIELDS[form.provider]) {
    const value = form.credentials[field]?.trim();
    if (value) typed[field] = value;
  }
  return typed;
}

export function createParams(form: CloudAccountForm): CreateCloudAccountDto {
  return { name: form.name.trim(), provider: form.provider, credentials: typedCredentials(form) };
}

/** Only what changed: a new name, the credentials typed; nothing else is sent. */
export function updateParams(
  account: { id: string; name: string },
  form: CloudAccountForm,
): UpdateCloudAccountDto {
  const params: UpdateCloudAccountDto = { id: account.id };
  const name = form.name.trim();
  if (name && name !== account.name) params.name = name;
  const credentials = typedCredentials(form);
  if (Object.keys(credentials).length) params.credentials = credentials;
  return params;
}
