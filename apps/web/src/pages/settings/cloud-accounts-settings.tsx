import { useState } from 'react';
import type { AnswerOf } from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useRequest } from '../../api/use-request';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';
import { CloudAccountEditor } from './cloud-account-editor';

type CloudAccount = AnswerOf<'read', 'ListCloudAccounts'>[number];

/**
 * Cloud accounts, named by a ServerTemplate's `cloud_account`. The gateway answers which
 * credentials are set, never a value; writes are for admins.
 */
export function CloudAccountsSettings() {
  const { api, user } = useSession();
  const accounts = useRequest(() => api.read('ListCloudAccounts', {}), [api]);
  const [editing, setEditing] = useState<CloudAccount>();
  const saved = () => {
    setEditing(undefined);
    accounts.reload();
  };
  return (
    <div>
      <ErrorNote error={accounts.error} />
      {accounts.data && accounts.data.length === 0 && (
        <p className="muted">
          No cloud accounts yet: templates launch with the core's credentials.
        </p>
      )}
      {accounts.data && accounts.data.length > 0 && (
        <table className="accounts">
          <thead>
            <tr>
              <th>name</th>
              <th>provider</th>
              <th>credentials set</th>
              {user.admin && <th />}
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((a) => (
              <tr key={a.id} data-cloud-account={a.name}>
                <td>{a.name}</td>
                <td>{a.provider}</td>
                <td>{a.credentials_set.length ? a.credentials_set.join(', ') : '(none)'}</td>
                {user.admin && (
                  <td className="row-actions">
                    <button type="button" onClick={() => setEditing(a)}>
                      Edit
                    </button>
                    <ActionButton
                      label="Delete"
                      className="danger"
                      confirm={`Delete the cloud account ${a.name}? Templates may no longer name it.`}
                      action={async () => {
                        await api.write('DeleteCloudAccount', { id: a.id });
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
      {user.admin && editing && (
        <CloudAccountEditor
          key={editing.id}
          account={editing}
          onSaved={saved}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {user.admin && !editing && <CloudAccountEditor onSaved={saved} />}
    </div>
  );
}
