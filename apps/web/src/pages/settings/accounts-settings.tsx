import { useState, type FormEvent } from 'react';
import type { AccountDto, CreateAccountDto, RequestName } from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useRequest } from '../../api/use-request';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';

type AccountType = 'GitProviderAccount' | 'ImageRegistryAccount';

/** Each account type's requests, as the catalogue names them. */
const REQUESTS = {
  GitProviderAccount: {
    list: 'ListGitProviderAccounts',
    create: 'CreateGitProviderAccount',
    delete: 'DeleteGitProviderAccount',
  },
  ImageRegistryAccount: {
    list: 'ListImageRegistryAccounts',
    create: 'CreateImageRegistryAccount',
    delete: 'DeleteImageRegistryAccount',
  },
} as const satisfies Record<
  AccountType,
  { list: RequestName<'read'>; create: RequestName<'write'>; delete: RequestName<'write'> }
>;

/** Git provider or image registry accounts, used by name in configs; admins manage them. */
export function AccountsSettings({ type }: { type: AccountType }) {
  const { api, user } = useSession();
  const accounts = useRequest(() => api.read(REQUESTS[type].list), [api, type]);
  return (
    <div>
      <ErrorNote error={accounts.error} />
      {accounts.data && accounts.data.length === 0 && <p className="muted">No accounts yet.</p>}
      {accounts.data && accounts.data.length > 0 && (
        <table className="accounts">
          <thead>
            <tr>
              <th>domain</th>
              <th>username</th>
              <th>token</th>
              {user.admin && <th />}
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((a) => (
              <tr key={a._id.$oid} data-account={`${a.username}@${a.domain}`}>
                <td>{a.domain}</td>
                <td>{a.username}</td>
                <td>
                  <code>{a.token || '(none)'}</code>
                </td>
                {user.admin && (
                  <td className="row-actions">
                    <ActionButton
                      label="Delete"
                      className="danger"
                      confirm={`Delete the account ${a.username} on ${a.domain}? What uses it can no longer pull.`}
                      action={async () => {
                        await api.write(REQUESTS[type].delete, { id: a._id.$oid });
                        accounts.reload();
                      }}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {user.admin && <NewAccount type={type} onCreated={accounts.reload} />}
    </div>
  );
}

function NewAccount({ type, onCreated }: { type: AccountType; onCreated(): void }) {
  const { api } = useSession();
  const empty: Required<Omit<AccountDto, 'https'>> = { domain: '', username: '', token: '' };
  const [account, setAccount] = useState(empty);
  const [error, setError] = useState<unknown>();
  const set = (change: Partial<AccountDto>) => setAccount((a) => ({ ...a, ...change }));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const params: CreateAccountDto = { account };
      await api.write(REQUESTS[type].create, params);
      setAccount(empty);
      onCreated();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form className="inline-form" onSubmit={(e) => void create(e)} aria-label="New account">
      <input
        aria-label="Domain"
        placeholder="github.com"
        value={account.domain}
        onChange={(e) => set({ domain: e.target.value })}
      />
      <input
        aria-label="Username"
        placeholder="username"
        value={account.username}
        onChange={(e) => set({ username: e.target.value })}
      />
      <input
        aria-label="Token"
        placeholder="token"
        type="password"
        autoComplete="off"
        value={account.token}
        onChange={(e) => set({ token: e.target.value })}
      />
      <button type="submit">Create account</button>
      <ErrorNote error={error} />
    </form>
  );
}
