import { useState, type FormEvent } from 'react';
import type {
  AuthAnswerOf,
  CreateApiKeyDto,
  DeleteApiKeyDto,
  UpdatePasswordDto,
} from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ActionButton } from '../components/confirm-button';
import { ErrorNote } from '../components/error-note';
import { Time } from '../components/time';

/** The signed-in user: their API keys (the secret shown once, at creation) and password. */
export function AccountPage() {
  const { api, user } = useSession();
  const keys = useRequest(() => api.read('ListApiKeys'), [api]);
  return (
    <section>
      <h1>{user.username}</h1>
      <p className="muted">
        {user.admin ? 'Admin' : 'User'}
        {user.create_server_permissions && ' · may create servers'}
        {user.create_build_permissions && ' · may create builds'}
      </p>
      <h2>API keys</h2>
      <p className="muted">
        For scripts and komodo_client: send <code>x-api-key</code> and <code>x-api-secret</code>.
      </p>
      <ErrorNote error={keys.error} />
      {keys.data && keys.data.length > 0 && (
        <table className="api-keys">
          <thead>
            <tr>
              <th>name</th>
              <th>key</th>
              <th>created</th>
              <th>expires</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.data.map((k) => (
              <tr key={k.key} data-key={k.name}>
                <td>{k.name}</td>
                <td>
                  <code>{k.key}</code>
                </td>
                <td>
                  <Time ms={k.created_at} />
                </td>
                <td>{k.expires ? <Time ms={k.expires} /> : 'never'}</td>
                <td>
                  <ActionButton
                    label="Delete"
                    className="danger"
                    confirm={`Delete the API key '${k.name}'? Whatever uses it stops working.`}
                    action={async () => {
                      const params: DeleteApiKeyDto = { key: k.key };
                      await api.manage('DeleteApiKey', params);
                      keys.reload();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewApiKey onCreated={keys.reload} />
      <h2>Password</h2>
      <NewPassword />
    </section>
  );
}

function NewApiKey({ onCreated }: { onCreated(): void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<AuthAnswerOf<'CreateApiKey'>>();
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const params: CreateApiKeyDto = { name };
      setCreated(await api.manage('CreateApiKey', params));
      setName('');
      onCreated();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="api-key-name">New key named</label>
      <input id="api-key-name" value={name} required onChange={(e) => setName(e.target.value)} />
      <button type="submit">Create API key</button>
      <ErrorNote error={error} />
      {created && (
        <div className="secret-once" role="status">
          <p>Copy the secret now: it is not shown again.</p>
          <p>
            key <code>{created.key}</code>
          </p>
          <p>
            secret <code>{created.secret}</code>
          </p>
        </div>
      )}
    </form>
  );
}

/** What the sign-in page says once the password is changed. */
const PASSWORD_CHANGED = 'Password changed — sign in again with the new one.';

/**
 * A new password. The gateway then revokes every token of the user, this one too: the session
 * ends here at once, and the sign-in page says why, instead of the next read failing unexplained.
 */
function NewPassword() {
  const { api, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const params: UpdatePasswordDto = { password };
      await api.manage('UpdatePassword', params);
    } catch (e) {
      setError(e);
      return;
    }
    signOut(PASSWORD_CHANGED);
  };

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="new-password">New password</label>
      <input
        id="new-password"
        type="password"
        autoComplete="new-password"
        value={password}
        required
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit">Change password</button>
      <ErrorNote error={error} />
    </form>
  );
}
