import { useState } from 'react';
import type {
  UpdateUserAdminDto,
  UpdateUserBasePermissionsDto,
  UserAnswer,
} from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useRequest } from '../../api/use-request';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';
import { KindGrantsDialog } from './kind-grants-dialog';

/** Users (admins only): enable the ones waiting, and what they may create or administer. */
export function UsersSettings() {
  const { api, user: me } = useSession();
  const users = useRequest(() => api.read('ListUsers'), [api]);
  const [granting, setGranting] = useState<UserAnswer>();
  const permissions = async (params: UpdateUserBasePermissionsDto) => {
    await api.write('UpdateUserBasePermissions', params);
    users.reload();
  };
  const admin = async (params: UpdateUserAdminDto) => {
    await api.write('UpdateUserAdmin', params);
    users.reload();
  };
  return (
    <div>
      <ErrorNote error={users.error} />
      {users.data && (
        <table className="users">
          <thead>
            <tr>
              <th>user</th>
              <th>state</th>
              <th>may</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => {
              const user_id = u._id.$oid;
              const self = user_id === me._id.$oid;
              return (
                <tr key={user_id} data-user={u.username}>
                  <td>
                    {u.username}
                    {u.admin && <span className="muted"> (admin)</span>}
                  </td>
                  <td>
                    {u.enabled ? 'enabled' : <span className="badge badge-busy">waiting</span>}
                  </td>
                  <td>
                    {[
                      u.create_server_permissions && 'create servers',
                      u.create_build_permissions && 'create builds',
                      ...Object.entries(u.all ?? {})
                        .filter(([, level]) => level !== 'None')
                        .map(([kind, level]) => `${level} every ${kind}`),
                    ]
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </td>
                  <td className="row-actions">
                    {!self && (
                      <ActionButton
                        label={u.enabled ? 'Disable' : 'Enable'}
                        confirm={
                          u.enabled ? `Disable ${u.username}? They are refused at once.` : undefined
                        }
                        action={() => permissions({ user_id, enabled: !u.enabled })}
                      />
                    )}
                    <ActionButton
                      label={u.create_server_permissions ? 'No servers' : 'Servers'}
                      action={() =>
                        permissions({ user_id, create_servers: !u.create_server_permissions })
                      }
                    />
                    <ActionButton
                      label={u.create_build_permissions ? 'No builds' : 'Builds'}
                      action={() =>
                        permissions({ user_id, create_builds: !u.create_build_permissions })
                      }
                    />
                    {!u.admin && (
                      <button type="button" onClick={() => setGranting(u)}>
                        Permissions
                      </button>
                    )}
                    {!self && (
                      <ActionButton
                        label={u.admin ? 'Revoke admin' : 'Make admin'}
                        confirm={
                          u.admin
                            ? undefined
                            : `Make ${u.username} an admin, with Write on everything?`
                        }
                        action={() => admin({ user_id, admin: !u.admin })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {granting && (
        <KindGrantsDialog
          target={{ type: 'User', id: granting._id.$oid }}
          name={granting.username}
          all={granting.all}
          onClose={() => {
            setGranting(undefined);
            users.reload();
          }}
        />
      )}
    </div>
  );
}
