import { useState } from 'react';
import type { SetUsersInUserGroupDto, UserAnswer, UserGroupAnswer } from '@monitor/contracts';
import { useSession } from '../../api/session';
import { Dialog } from '../../components/dialog';
import { ErrorNote } from '../../components/error-note';

/** Who is in a group: every user as a checkbox, saved as one `SetUsersInUserGroup`. */
export function GroupMembersDialog(props: {
  group: UserGroupAnswer;
  users: UserAnswer[];
  onClose(): void;
}) {
  const { group, users, onClose } = props;
  const { api } = useSession();
  const [members, setMembers] = useState(new Set(group.users));
  const [error, setError] = useState<unknown>();

  const toggle = (id: string) =>
    setMembers((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const save = async () => {
    setError(undefined);
    try {
      const params: SetUsersInUserGroupDto = { user_group: group._id.$oid, users: [...members] };
      await api.write('SetUsersInUserGroup', params);
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog title={`Members of ${group.name}`} onClose={onClose}>
      <div className="grants">
        {users.map((u) => (
          <label key={u._id.$oid} className="inline">
            <input
              type="checkbox"
              checked={members.has(u._id.$oid)}
              onChange={() => toggle(u._id.$oid)}
            />
            <span>{u.username}</span>
          </label>
        ))}
      </div>
      <ErrorNote error={error} />
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save members
        </button>
      </div>
    </Dialog>
  );
}
