import { useState } from 'react';
import type {
  PermissionLevel,
  ResourceKind,
  UpdatePermissionOnResourceTypeDto,
  UserTargetDto,
} from '@monitor/contracts';
import { useSession } from '../../api/session';
import { Dialog } from '../../components/dialog';
import { ErrorNote } from '../../components/error-note';
import { KINDS } from '../../kinds';

const LEVELS: readonly PermissionLevel[] = ['None', 'Read', 'Execute', 'Write'];

interface Props {
  target: UserTargetDto;
  /** The user's or the group's name. */
  name: string;
  /** The grants per kind it has now. */
  all?: Partial<Record<ResourceKind, PermissionLevel>>;
  onClose(): void;
}

/**
 * A user's or a group's grant on every resource of each kind. Each change is sent at once, as
 * its own event; grants on single resources are set on the resource's page.
 */
export function KindGrantsDialog({ target, name, all, onClose }: Props) {
  const { api } = useSession();
  const [levels, setLevels] = useState(all ?? {});
  const [error, setError] = useState<unknown>();

  const grant = async (kind: ResourceKind, permission: PermissionLevel) => {
    setError(undefined);
    try {
      const params: UpdatePermissionOnResourceTypeDto = {
        user_target: target,
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
    <Dialog title={`What ${name} may do with every…`} onClose={onClose}>
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
