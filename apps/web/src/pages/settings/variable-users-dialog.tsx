import { useState } from 'react';
import type { UpdateVariablePermissionDto, UserTargetDto } from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useRequest } from '../../api/use-request';
import { Dialog } from '../../components/dialog';
import { ErrorNote } from '../../components/error-note';

/**
 * Who may put a secret variable into a config: every non-admin user and every group as a
 * checkbox, each change saved at once (`UpdateVariablePermission`), as the API holds it.
 */
export function VariableUsersDialog(props: { name: string; onClose(): void }) {
  const { name, onClose } = props;
  const { api } = useSession();
  const data = useRequest(async () => {
    const [users, groups, grants] = await Promise.all([
      api.read('ListUsers'),
      api.read('ListUserGroups'),
      api.read('GetVariablePermissions', { name }),
    ]);
    const held = new Set(grants.users.map((g) => `${g.user_target.type}/${g.user_target.id}`));
    return [
      ...users
        .filter((u) => !u.admin)
        .map((u) => ({ type: 'User' as const, id: u._id.$oid, label: u.username })),
      ...groups.map((g) => ({
        type: 'UserGroup' as const,
        id: g._id.$oid,
        label: `${g.name} (group)`,
      })),
    ].map((t) => ({ ...t, use: held.has(`${t.type}/${t.id}`) }));
  }, [api, name]);
  const [error, setError] = useState<unknown>();

  const setUse = async (user_target: UserTargetDto, use: boolean) => {
    setError(undefined);
    try {
      const params: UpdateVariablePermissionDto = { name, user_target, use };
      await api.write('UpdateVariablePermission', params);
      data.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog title={`Who may use ${name}`} onClose={onClose}>
      <p className="muted">
        Admins always may. Others need this to write [[{name}]] into a config; its executions use it
        only while whoever last wrote the config may.
      </p>
      <ErrorNote error={data.error} />
      <div className="grants">
        {data.data?.map((t) => (
          <label key={`${t.type}/${t.id}`} className="inline">
            <input
              type="checkbox"
              aria-label={`${t.label} may use ${name}`}
              checked={t.use}
              onChange={(e) => void setUse({ type: t.type, id: t.id }, e.target.checked)}
            />
            <span>{t.label}</span>
          </label>
        ))}
      </div>
      <ErrorNote error={error} />
      <div className="buttons">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
