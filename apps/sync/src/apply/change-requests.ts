import {
  KIND_REQUESTS,
  SETTINGS_REQUESTS,
  USER_GROUP_REQUESTS,
  USER_REQUESTS,
} from '@monitor/contracts';
import type {
  PermissionView,
  ResourceChange,
  UserGroupChange,
  UserGroupView,
  VariableChange,
} from '@monitor/domain';

/** One ordinary request, by verb and catalogue name, as the user who runs the sync sends it. */
export interface ChangeRequest {
  verb: 'write';
  name: string;
  params: Record<string, unknown>;
  /** What the log says it does; never its params (they may hold a secret). */
  says: string;
}

const write = (name: string, params: Record<string, unknown>, says: string): ChangeRequest => ({
  verb: 'write',
  name,
  params,
  says,
});

/**
 * The requests that make a resource as the plan proposes: its Create, Update or Delete with
 * the config the plan computed (opened secrets, references by name: resolved as any write
 * resolves them), then its description, tags and template, as one UpdateResourceMeta.
 */
export function resourceRequests(
  change: ResourceChange,
  config: Record<string, unknown>,
): ChangeRequest[] {
  const requests = KIND_REQUESTS[change.kind];
  const label = `${change.kind} '${change.name}'`;
  if (change.action === 'Delete')
    return [write(requests.delete.name, { id: change.id }, `delete ${label}`)];
  const proposed = change.proposed!;
  const metaChanged = change.fields.some((f) => !f.path.startsWith('config.'));
  const meta = (target: { type: string; id: string }) =>
    write(
      'UpdateResourceMeta',
      {
        target,
        description: proposed.description,
        tags: proposed.tags,
        template: proposed.template,
      },
      `set the description, tags and template of ${label}`,
    );
  if (change.action === 'Create')
    return [
      write(requests.create.name, { name: change.name, config }, `create ${label}`),
      ...(proposed.description || proposed.tags.length || proposed.template
        ? [meta({ type: change.kind, id: change.name })]
        : []),
    ];
  const configFields = change.fields.filter((f) => f.path.startsWith('config.')).map((f) => f.path);
  return [
    ...(Object.keys(config).length
      ? [
          write(
            requests.update.name,
            { id: change.id, config },
            `update ${label}: ${configFields.join(', ')}`,
          ),
        ]
      : []),
    ...(metaChanged ? [meta({ type: change.kind, id: change.id! })] : []),
  ];
}

/** A variable's Create, its Update field by field, or its Delete. */
export function variableRequests(change: VariableChange): ChangeRequest[] {
  const label = `Variable '${change.name}'`;
  const name = change.name;
  const S = SETTINGS_REQUESTS;
  if (change.action === 'Delete')
    return [write(S.DeleteVariable.name, { name }, `delete ${label}`)];
  const proposed = change.proposed!;
  if (change.action === 'Create')
    return [
      write(
        S.CreateVariable.name,
        {
          name,
          value: proposed.value ?? '',
          description: proposed.description,
          is_secret: proposed.is_secret,
        },
        `create ${label}`,
      ),
    ];
  const changed = new Set(change.fields.map((f) => f.path));
  return [
    ...(changed.has('is_secret')
      ? [
          write(
            S.UpdateVariableIsSecret.name,
            { name, is_secret: proposed.is_secret },
            `set is_secret of ${label}`,
          ),
        ]
      : []),
    ...(changed.has('value') && proposed.value !== undefined
      ? [
          write(
            S.UpdateVariableValue.name,
            { name, value: proposed.value },
            `set the value of ${label}`,
          ),
        ]
      : []),
    ...(changed.has('description')
      ? [
          write(
            S.UpdateVariableDescription.name,
            { name, description: proposed.description },
            `set the description of ${label}`,
          ),
        ]
      : []),
  ];
}

/**
 * A user group's Create or Delete, and its members, `everyone`, permissions on each kind
 * (`all`) and on each resource: set to the proposed, and to None where the proposal has none.
 */
export function userGroupRequests(change: UserGroupChange): ChangeRequest[] {
  const G = USER_GROUP_REQUESTS;
  const label = `UserGroup '${change.name}'`;
  if (change.action === 'Delete')
    return [write(G.DeleteUserGroup.name, { id: change.id }, `delete ${label}`)];
  const proposed = change.proposed!;
  const current = change.current;
  const group = change.name;
  const target = { type: 'UserGroup', id: group };
  const requests: ChangeRequest[] = [];
  if (change.action === 'Create')
    requests.push(write(G.CreateUserGroup.name, { name: group }, `create ${label}`));
  if (!current || current.everyone !== proposed.everyone)
    requests.push(
      write(
        G.SetEveryoneUserGroup.name,
        { user_group: group, everyone: proposed.everyone },
        `set everyone of ${label}`,
      ),
    );
  if (!current || !sameList(current.users, proposed.users))
    requests.push(
      write(
        G.SetUsersInUserGroup.name,
        { user_group: group, users: proposed.users },
        `set the members of ${label}`,
      ),
    );
  for (const kind of new Set([...Object.keys(current?.all ?? {}), ...Object.keys(proposed.all)])) {
    const now = (current?.all as UserGroupView['all'] | undefined)?.[
      kind as keyof UserGroupView['all']
    ];
    const next = proposed.all[kind as keyof UserGroupView['all']];
    if (JSON.stringify(now) === JSON.stringify(next)) continue;
    requests.push(
      write(
        USER_REQUESTS.UpdatePermissionOnResourceType.name,
        { user_target: target, resource_type: kind, permission: permission(next) },
        `set ${label}'s permission on every ${kind}`,
      ),
    );
  }
  const key = (p: PermissionView) => `${p.target.type}/${p.target.name}`;
  const before = new Map((current?.permissions ?? []).map((p) => [key(p), p]));
  const after = new Map(proposed.permissions.map((p) => [key(p), p]));
  for (const [k, p] of new Map([...before, ...after])) {
    const next = after.get(k);
    if (JSON.stringify(before.get(k)) === JSON.stringify(next)) continue;
    requests.push(
      write(
        USER_REQUESTS.UpdatePermissionOnTarget.name,
        {
          user_target: target,
          resource_target: { type: p.target.type, id: p.target.name },
          permission: permission(next),
        },
        `set ${label}'s permission on ${p.target.type} '${p.target.name}'`,
      ),
    );
  }
  return requests;
}

function permission(grant: { level: string; specific: string[] } | undefined) {
  if (!grant) return 'None';
  return grant.specific.length ? { level: grant.level, specific: grant.specific } : grant.level;
}

const sameList = (a: string[], b: string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
