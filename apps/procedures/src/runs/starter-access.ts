import { REQUESTS, type AnyEntry } from '@monitor/contracts';
import {
  atLeast,
  effectivePermission,
  forbidden,
  invalid,
  notFound,
  type Resource,
  type ResourceKind,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/** An execution a run sends: its catalogue entry, the kind that runs it, and its target. */
export interface Sendable {
  entry: AnyEntry;
  kind: ResourceKind;
  target: Resource;
}

/**
 * The gateway's checks for a request, made for whoever started a run (the procedures service
 * sends each execution itself): the catalogue's access rule, and the starter's permission on
 * the resource, as the gateway's Principal decides it (effectivePermission).
 */
export class StarterAccess {
  constructor(private readonly readModel: ReadModel) {}

  /** The execute request `type` on its target, refused (403, 404, 400) as the gateway would. */
  sendable(userId: string, type: string, params: Record<string, unknown>): Sendable {
    const entry = executeEntry(type);
    const access = entry?.access;
    if (!entry || access?.type !== 'resource' || !access.kind)
      throw invalid(`${type} cannot run in a procedure here`, { field: 'type' });
    const idOrName = String(params[access.param] ?? '');
    const target = this.readModel.resource(access.kind, idOrName);
    if (!target) throw notFound(`${type}: no ${access.kind} has the name or id '${idOrName}'`);
    if (!this.may(userId, target))
      throw forbidden(
        `${type}: the run's user needs Execute permission on ${access.kind} '${target.name}'`,
      );
    return { entry, kind: access.kind, target };
  }

  /** Whether the user may execute on the resource (a deleted or disabled user: no). */
  may(userId: string, resource: Resource): boolean {
    const user = this.readModel.identity.user(userId);
    if (!user) return false;
    const groups = this.readModel.identity.groupGrants(userId);
    const level = effectivePermission(
      user,
      groups,
      resource.kind,
      resource.id,
      resource.basePermission,
    );
    return atLeast(level, 'Execute');
  }
}

export function executeEntry(type: string): AnyEntry | undefined {
  return (REQUESTS.execute as unknown as Record<string, AnyEntry | undefined>)[type];
}
