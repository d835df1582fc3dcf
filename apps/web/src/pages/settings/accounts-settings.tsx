import { useState, type FormEvent } from 'react';
import type { AccountDto, CreateAccountDto } from '@monitor/contracts';
import { useSession } from '../../api/session';
import type { Oid } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';

interface Account {
  _id: Oid;
  domain: string;
  username: string;
  /** `*****` once set: tokens are never answered. */
  token: string;
  https?: boolean;
}

/** Git provider or image registry accounts, used by name in configs; admins manage them. */
export function AccountsSettings({
  type,
}: {
  type: 'GitProviderAccount' | 'ImageRegistryAccount';
}) {
  const { api, user } = useSession();
  const accounts = useRequest(() => api.read<Account[]>(`List${type}s`), [api, type]);
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
                        await api.write(`Delete${type}`, { id: a._id.$oid });
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

function NewAccount({ type, onCreated }: { type: string; onCreated(): void }) {
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
      await api.write(`Create${type}`, params);
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
