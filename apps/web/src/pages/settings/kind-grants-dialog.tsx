import { useState } from 'react';
import type { UpdatePermissionOnResourceTypeDto } from '@monitor/contracts';
import { useSession } from '../../api/session';
import type { PermissionLevel, ResourceKind, User } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { ErrorNote } from '../../components/error-note';
import { KINDS } from '../../kinds';

const LEVELS: readonly PermissionLevel[] = ['None', 'Read', 'Execute', 'Write'];

/**
 * A user's grant on every resource of each kind. Each change is sent at once, as its own event;
 * grants on single resources and groups' grants are not edited here.
 */
export function KindGrantsDialog({ user, onClose }: { user: User; onClose(): void }) {
  const { api } = useSession();
  const [levels, setLevels] = useState(user.all ?? {});
  const [error, setError] = useState<unknown>();

  const grant = async (kind: ResourceKind, permission: PermissionLevel) => {
    setError(undefined);
    try {
      const params: UpdatePermissionOnResourceTypeDto = {
        user_target: { type: 'User', id: user._id.$oid },
        resource_type: kind,
        permission,
      };
      await api.write('UpdatePermissionOnResourceType', params);
      setLevels((current) => ({ ...current, [kind]: permission }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog title={`What ${user.username} may do with every…`} onClose={onClose}>
      <div className="grants">
        {KINDS.map((k) => (
          <label key={k.kind} className="inline">
            <span>{k.kind}</span>
            <select
              aria-label={`${k.kind} permission`}
              value={levels[k.kind] ?? 'None'}
              onChange={(e) => void grant(k.kind, e.target.value as PermissionLevel)}
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <ErrorNote error={error} />
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
