import { useState } from 'react';
import type {
  ListTargetPermissionsDto,
  PermissionLevel,
  ResourceKind,
  SpecificPermission,
  UpdatePermissionOnTargetDto,
  UserTargetDto,
} from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import { SPECIFIC_HELP, SPECIFICS_OF_KIND } from './specific-permissions';

const LEVELS: readonly PermissionLevel[] = ['None', 'Read', 'Execute', 'Write'];

/** One row: a user or a group, its grant on this resource and on every one of its kind. */
interface Grantee {
  target: UserTargetDto;
  name: string;
  level: PermissionLevel;
  specific: SpecificPermission[];
  onKind: PermissionLevel;
}

/**
 * Who may do what with this one resource (admins): each non-admin user's and each group's own
 * grant on it, set with `UpdatePermissionOnTarget`. A grant on the whole kind is shown beside it,
 * since the higher of the two applies.
 */
export function PermissionsTab({ kind, id }: { kind: ResourceKind; id: string }) {
  const { api } = useSession();
  const grantees = useRequest(async () => {
    const params: ListTargetPermissionsDto = { target: { type: kind, id } };
    const [users, groups, grants] = await Promise.all([
      api.read('ListUsers'),
      api.read('ListUserGroups'),
      api.read('ListTargetPermissions', params),
    ]);
    const grantOf = (target: UserTargetDto) =>
      grants.find((g) => g.user_target.type === target.type && g.user_target.id === target.id);
    const targets = [
      ...users
        .filter((u) => !u.admin)
        .map((u) => ({ type: 'User' as const, id: u._id.$oid, name: u.username, all: u.all })),
      ...groups.map((g) => ({
        type: 'UserGroup' as const,
        id: g._id.$oid,
        name: g.name,
        all: g.all,
      })),
    ];
    return targets.map(({ type, id: targetId, name, all }): Grantee => ({
      target: { type, id: targetId },
      name,
      level: grantOf({ type, id: targetId })?.level ?? 'None',
      specific: grantOf({ type, id: targetId })?.specific ?? [],
      onKind: all?.[kind] ?? 'None',
    }));
  }, [api, kind, id]);
  const [failed, setFailed] = useState<{ target: string; error: unknown }>();

  const specifics = SPECIFICS_OF_KIND[kind] ?? [];
  const grant = async (
    target: UserTargetDto,
    level: PermissionLevel,
    specific: SpecificPermission[],
  ) => {
    setFailed(undefined);
    try {
      const params: UpdatePermissionOnTargetDto = {
        user_target: target,
        resource_target: { type: kind, id },
        permission: { level, specific },
      };
      await api.write('UpdatePermissionOnTarget', params);
      grantees.reload();
    } catch (error) {
      setFailed({ target: target.id, error });
    }
  };

  return (
    <div>
      <ErrorNote error={grantees.error} />
      {grantees.data && grantees.data.length === 0 && (
        <p className="muted">Only admins so far, who may do everything.</p>
      )}
      {grantees.data && grantees.data.length > 0 && (
        <table className="permissions">
          <thead>
            <tr>
              <th>user or group</th>
              <th>on this {kind}</th>
              {specifics.length > 0 && <th>specific</th>}
              <th>on every {kind}</th>
            </tr>
          </thead>
          <tbody>
            {grantees.data.map((g) => (
              <tr key={g.target.id} data-grantee={g.name}>
                <td>
                  {g.name}
                  {g.target.type === 'UserGroup' && <span className="muted"> (group)</span>}
                </td>
                <td>
                  <select
                    aria-label={`${g.name} permission`}
                    value={g.level}
                    onChange={(e) =>
                      void grant(g.target, e.target.value as PermissionLevel, g.specific)
                    }
                  >
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                  {failed?.target === g.target.id && <ErrorNote error={failed.error} />}
                </td>
                {specifics.length > 0 && (
                  <td>
                    {specifics.map((s) => (
                      <label key={s} className="specific" title={SPECIFIC_HELP[s]}>
                        <input
                          type="checkbox"
                          aria-label={`${g.name} ${s}`}
                          checked={g.specific.includes(s)}
                          onChange={(e) =>
                            void grant(
                              g.target,
                              g.level,
                              e.target.checked
                                ? [...g.specific, s]
                                : g.specific.filter((held) => held !== s),
                            )
                          }
                        />
                        {s}
                      </label>
                    ))}
                  </td>
                )}
                <td>{g.onKind}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
