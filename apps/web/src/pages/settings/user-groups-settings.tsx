import { useState, type FormEvent } from 'react';
import type {
  SetEveryoneUserGroupDto,
  UserGroupAnswer,
  UserGroupIdDto,
  UserGroupNameDto,
} from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useRequest } from '../../api/use-request';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';
import { GroupMembersDialog } from './group-members-dialog';
import { KindGrantsDialog } from './kind-grants-dialog';

/** User groups (admins only): their members, and what every member may do through them. */
export function UserGroupsSettings() {
  const { api } = useSession();
  const groups = useRequest(() => api.read('ListUserGroups'), [api]);
  const users = useRequest(() => api.read('ListUsers'), [api]);
  const [editing, setEditing] = useState<{ group: UserGroupAnswer; what: 'members' | 'grants' }>();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const usernames = new Map(users.data?.map((u) => [u._id.$oid, u.username]));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const params: UserGroupNameDto = { name };
      await api.write('CreateUserGroup', params);
      setName('');
      groups.reload();
    } catch (e) {
      setError(e);
    }
  };
  const close = () => {
    setEditing(undefined);
    groups.reload();
  };

  return (
    <div>
      <ErrorNote error={groups.error ?? users.error} />
      {groups.data && groups.data.length === 0 && <p className="muted">No groups yet.</p>}
      {groups.data && groups.data.length > 0 && (
        <table className="user-groups">
          <thead>
            <tr>
              <th>group</th>
              <th>members</th>
              <th>may</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {groups.data.map((g) => (
              <tr key={g._id.$oid} data-group={g.name}>
                <td>{g.name}</td>
                <td>
                  {g.everyone
                    ? 'everyone'
                    : g.users.map((id) => usernames.get(id) ?? id).join(', ') || '—'}
                </td>
                <td>
                  {Object.entries(g.all ?? {})
                    .filter(([, level]) => level !== 'None')
                    .map(([kind, level]) => `${level} every ${kind}`)
                    .join(', ') || '—'}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing({ group: g, what: 'members' })}>
                    Members
                  </button>
                  <ActionButton
                    label={g.everyone ? 'Listed only' : 'Everyone'}
                    action={async () => {
                      const params: SetEveryoneUserGroupDto = {
                        user_group: g._id.$oid,
                        everyone: !g.everyone,
                      };
                      await api.write('SetEveryoneUserGroup', params);
                      groups.reload();
                    }}
                  />
                  <button type="button" onClick={() => setEditing({ group: g, what: 'grants' })}>
                    Permissions
                  </button>
                  <ActionButton
                    label="Delete"
                    className="danger"
                    confirm={`Delete the group '${g.name}'? Its members lose what it grants.`}
                    action={async () => {
                      const params: UserGroupIdDto = { id: g._id.$oid };
                      await api.write('DeleteUserGroup', params);
                      groups.reload();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={(e) => void create(e)}>
        <label htmlFor="new-group">New group</label>
        <input id="new-group" value={name} required onChange={(e) => setName(e.target.value)} />
        <button type="submit">Create group</button>
        <ErrorNote error={error} />
      </form>
      {editing?.what === 'members' && (
        <GroupMembersDialog group={editing.group} users={users.data ?? []} onClose={close} />
      )}
      {editing?.what === 'grants' && (
        <KindGrantsDialog
          target={{ type: 'UserGroup', id: editing.group._id.$oid }}
          name={editing.group.name}
          all={editing.group.all}
          onClose={close}
        />
      )}
    </div>
  );
}
