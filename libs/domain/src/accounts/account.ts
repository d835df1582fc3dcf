import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import type { StoredValue } from '../variables/variable';

/** Git provider and image registry accounts: a domain, a username and a (sealed) token. */
export const ACCOUNT_TYPES = ['GitProvider', 'ImageRegistry'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const accountStream = (type: AccountType, id: string) =>
  `${type === 'GitProvider' ? 'gitaccount' : 'registryaccount'}-${id}`;

export interface Account {
  id: string;
  type: AccountType;
  domain: string;
  username: string;
  /** Git providers only: clone over https (else http). */
  https: boolean;
  token: StoredValue;
}

export type AccountState = { status: 'Empty' } | { status: 'Active' | 'Deleted'; account: Account };

export type AccountEvent =
  | DomainEvent<'AccountCreated', Account>
  | DomainEvent<
      'AccountUpdated',
      { domain: string; username: string; https: boolean; token?: StoredValue }
    >
  | DomainEvent<'AccountDeleted', { domain: string; username: string }>;

export type AccountCommand =
  | { type: 'Create'; account: Account }
  | { type: 'Update'; domain?: string; username?: string; https?: boolean; token?: StoredValue }
  | { type: 'Delete' };

const DOMAIN = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

export function evolveAccount(state: AccountState, event: DomainEvent): AccountState {
  const e = event as AccountEvent;
  if (e.type === 'AccountCreated') return { status: 'Active', account: { ...e.data } };
  if (state.status !== 'Active') return state;
  if (e.type === 'AccountUpdated') {
    const { token, ...rest } = e.data;
    return {
      status: 'Active',
      account: { ...state.account, ...rest, ...(token !== undefined ? { token } : {}) },
    };
  }
  if (e.type === 'AccountDeleted') return { status: 'Deleted', account: state.account };
  return state;
}

export function decideAccount(state: AccountState, command: AccountCommand): AccountEvent[] {
  if (command.type === 'Create') {
    if (state.status !== 'Empty') throw conflict(`account ${command.account.id} already exists`);
    checkDomain(command.account.domain);
    return [{ type: 'AccountCreated', data: command.account }];
  }
  if (state.status !== 'Active') throw notFound('account not found');
  const a = state.account;
  if (command.type === 'Delete')
    return [{ type: 'AccountDeleted', data: { domain: a.domain, username: a.username } }];
  const next = {
    domain: checkDomain(command.domain ?? a.domain),
    username: command.username ?? a.username,
    https: command.https ?? a.https,
  };
  const same = next.domain === a.domain && next.username === a.username && next.https === a.https;
  if (same && command.token === undefined) return [];
  return [
    {
      type: 'AccountUpdated',
      data: command.token === undefined ? next : { ...next, token: command.token },
    },
  ];
}

function checkDomain(domain: string): string {
  if (!DOMAIN.test(domain))
    throw invalid(`domain: '${domain}' is not a host name (e.g. github.com, 127.0.0.1:5000)`, {
      field: 'domain',
    });
  return domain;
}

export const accountDecider = {
  initialState: (): AccountState => ({ status: 'Empty' }),
  evolve: evolveAccount,
  decide: decideAccount,
};
