import {
  effectiveSpecifics,
  forbidden,
  hostAccessProblem,
  isOfKind,
  type HostPower,
  type Resource,
  type User,
  type UserGroup,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/** Monitor itself: what it writes (the local agent's Server) uses no user's rights. */
export const SYSTEM_WRITER = 'system';

/**
 * Who last wrote a resource's config, with their groups: its executions act with that user's
 * rights (secrets, host access), whoever starts them. Absent `user` when it is no user Monitor
 * knows (deleted, or Monitor itself: see `system`).
 */
export interface ConfigWriter {
  id: string;
  user?: User;
  groups: UserGroup[];
  /** How messages name them. */
  label: string;
  system: boolean;
}

export function configWriterOf(
  readModel: ReadModel,
  resource: Pick<Resource, 'configWriter'>,
): ConfigWriter {
  const id = resource.configWriter;
  const user = readModel.identity.user(id);
  return {
    id,
    user,
    groups: user ? readModel.identity.groupsOf(user.id) : [],
    label: user ? `'${user.username}'` : 'nobody known',
    system: id === SYSTEM_WRITER,
  };
}

/**
 * Refuses an execution whose config asks for more of the host than the Server's policy gives
 * everyone, when its config writer has no `Terminal` on that Server (now: a grant taken away
 * since the write counts). A Url or Aws Builder's machine, which no Server stands for, has no
 * policy: `Terminal` on the Builder itself.
 */
export function requireWriterHostAccess(
  readModel: ReadModel,
  resource: Pick<Resource, 'kind' | 'name' | 'configWriter'>,
  host: Resource<'Server'> | Resource<'Builder'>,
  powers: readonly HostPower[],
): void {
  const writer = configWriterOf(readModel, resource);
  const grants = writer.groups.map((g) => g.grants);
  const terminal =
    writer.system ||
    (writer.user !== undefined &&
      effectiveSpecifics(writer.user, grants, host.kind, host.id).includes('Terminal'));
  const problem = hostAccessProblem(powers, isOfKind(host, 'Server') ? host.config : {}, terminal);
  if (!problem) return;
  throw forbidden(
    `${resource.kind} '${resource.name}' asks for what equals root on ${host.kind} '${host.name}' — ${problem.described} — and was last written by ${writer.label}, who has no Terminal on that ${host.kind === 'Server' ? 'server' : 'builder'}`,
    { powers: problem.powers },
  );
}
