import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { checkName } from '../shared/names';
import type { StoredValue } from '../variables/variable';

/*
 * Cloud accounts, stored like git accounts: a name a template's `cloud_account` gives, a
 * provider, and credentials that are secrets: sealed before they reach the domain, written and
 * replaced but never answered (an answer says only which are set).
 */

export const CLOUD_PROVIDERS = ['Aws', 'Hetzner'] as const;
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number];

/** The credentials each provider needs, as the core config names them (`aws.*`, `hetzner.*`). */
export const CLOUD_CREDENTIAL_FIELDS = {
  Aws: ['access_key_id', 'secret_access_key'],
  Hetzner: ['token'],
} as const satisfies Record<CloudProvider, readonly string[]>;

export const cloudAccountStream = (id: string) => `cloudaccount-${id}`;

export interface CloudAccount {
  id: string;
  name: string;
  provider: CloudProvider;
  /** By field of CLOUD_CREDENTIAL_FIELDS[provider]; sealed. */
  credentials: Record<string, StoredValue>;
}

/** What an answer shows of an account: never a credential, only which are set. */
export interface CloudAccountView {
  id: string;
  name: string;
  provider: CloudProvider;
  credentials_set: string[];
}

export type CloudAccountState =
  { status: 'Empty' } | { status: 'Active' | 'Deleted'; account: CloudAccount };

export type CloudAccountEvent =
  | DomainEvent<'CloudAccountCreated', CloudAccount>
  | DomainEvent<'CloudAccountUpdated', { name: string; credentials?: Record<string, StoredValue> }>
  | DomainEvent<'CloudAccountDeleted', { name: string; provider: CloudProvider }>;

export type CloudAccountCommand =
  | { type: 'Create'; account: CloudAccount }
  /** `credentials` replaces the given fields only; the others are kept. */
  | { type: 'Update'; name?: string; credentials?: Record<string, StoredValue> }
  | { type: 'Delete' };

/** Plaintext shapes, checked before sealing: a typo is caught at write, not at a launch. */
const CREDENTIAL_SHAPES: Record<string, { pattern: RegExp; shape: string }> = {
  access_key_id: { pattern: /^A[KS]IA[A-Z0-9]{16}$/, shape: 'AKIA and 16 capitals or digits' },
  secret_access_key: { pattern: /^[A-Za-z0-9/+]{40}$/, shape: '40 characters of A-Z a-z 0-9 / +' },
  token: { pattern: /^[A-Za-z0-9]{64}$/, shape: "Hetzner's 64 letters and digits" },
};

const an = (provider: CloudProvider) => `${provider === 'Aws' ? 'an' : 'a'} ${provider}`;

export function isCloudProvider(value: unknown): value is CloudProvider {
  return typeof value === 'string' && (CLOUD_PROVIDERS as readonly string[]).includes(value);
}

/**
 * Checks plaintext credentials for `provider` before they are sealed. `complete` (a create)
 * needs every field; an update gives some. Messages never repeat the value.
 */
export function checkCloudCredentials(
  provider: CloudProvider,
  plaintext: Record<string, unknown>,
  complete: boolean,
): void {
  const fields: readonly string[] = CLOUD_CREDENTIAL_FIELDS[provider];
  for (const key of Object.keys(plaintext)) {
    if (!fields.includes(key))
      throw invalid(`credentials.${key}: not ${an(provider)} credential (${fields.join(', ')})`, {
        field: `credentials.${key}`,
      });
  }
  for (const key of fields) {
    const value = plaintext[key];
    if (value === undefined && !complete) continue;
    const field = `credentials.${key}`;
    if (typeof value !== 'string' || value === '')
      throw invalid(`${field}: is required for ${an(provider)} account`, { field });
    const { pattern, shape } = CREDENTIAL_SHAPES[key];
    if (!pattern.test(value)) throw invalid(`${field}: must be ${shape}`, { field });
  }
}

export function cloudAccountView(account: CloudAccount): CloudAccountView {
  const { id, name, provider, credentials } = account;
  return { id, name, provider, credentials_set: Object.keys(credentials).sort() };
}

export function evolveCloudAccount(
  state: CloudAccountState,
  event: DomainEvent,
): CloudAccountState {
  const e = event as CloudAccountEvent;
  if (e.type === 'CloudAccountCreated') return { status: 'Active', account: { ...e.data } };
  if (state.status !== 'Active') return state;
  if (e.type === 'CloudAccountUpdated') {
    const credentials = { ...state.account.credentials, ...e.data.credentials };
    return { status: 'Active', account: { ...state.account, name: e.data.name, credentials } };
  }
  if (e.type === 'CloudAccountDeleted') return { status: 'Deleted', account: state.account };
  return state;
}

export function decideCloudAccount(
  state: CloudAccountState,
  command: CloudAccountCommand,
): CloudAccountEvent[] {
  if (command.type === 'Create') {
    const account = command.account;
    if (state.status !== 'Empty') throw conflict(`cloud account ${account.id} already exists`);
    if (!isCloudProvider(account.provider))
      throw invalid(`provider: must be one of ${CLOUD_PROVIDERS.join(', ')}`, {
        field: 'provider',
      });
    checkName(account.name);
    const missing = CLOUD_CREDENTIAL_FIELDS[account.provider].filter(
      (key) => account.credentials[key] === undefined,
    );
    if (missing.length)
      throw invalid(`credentials.${missing[0]}: is required for ${an(account.provider)} account`, {
        field: `credentials.${missing[0]}`,
      });
    return [{ type: 'CloudAccountCreated', data: account }];
  }
  if (state.status !== 'Active') throw notFound('cloud account not found');
  const account = state.account;
  if (command.type === 'Delete')
    return [
      { type: 'CloudAccountDeleted', data: { name: account.name, provider: account.provider } },
    ];
  const name = checkName(command.name ?? account.name);
  const fields: readonly string[] = CLOUD_CREDENTIAL_FIELDS[account.provider];
  const unknown = Object.keys(command.credentials ?? {}).find((key) => !fields.includes(key));
  if (unknown)
    throw invalid(`credentials.${unknown}: not ${an(account.provider)} credential`, {
      field: `credentials.${unknown}`,
    });
  if (name === account.name && command.credentials === undefined) return [];
  return [
    {
      type: 'CloudAccountUpdated',
      data:
        command.credentials === undefined ? { name } : { name, credentials: command.credentials },
    },
  ];
}

export const cloudAccountDecider = {
  initialState: (): CloudAccountState => ({ status: 'Empty' }),
  evolve: evolveCloudAccount,
  decide: decideCloudAccount,
};
