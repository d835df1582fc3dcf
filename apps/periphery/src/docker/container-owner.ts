import * as v from 'valibot';
import { DEPLOYMENT_LABEL, reservedLabelPrefix, STACK_LABEL } from '@monitor/domain/agent';
import { PeripheryError } from '../api/periphery-error';

export const OWNER_KINDS = ['Deployment', 'Stack'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** The label that says which resource of each kind a container belongs to. */
export const OWNER_LABELS: Record<OwnerKind, string> = {
  Deployment: DEPLOYMENT_LABEL,
  Stack: STACK_LABEL,
};

const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';

/** A resource's id as the core writes it. */
export const RESOURCE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The resource the core acts for. With it, the agent touches only containers labelled with its
 * id; without it, the request is about the server's own Docker objects (the core allowed that
 * to whoever may act on the whole server).
 */
export const OwnerDto = v.strictObject({
  kind: v.picklist(OWNER_KINDS),
  id: v.pipe(v.string(), v.regex(RESOURCE_ID, 'must be a resource id')),
});
export type OwnerDto = v.InferOutput<typeof OwnerDto>;

type Labels = Record<string, string> | null | undefined;

/** Why the core may not act on this container for `owner`; undefined when it may. */
export function ownerProblem(
  container: string,
  labels: Labels,
  owner: OwnerDto,
): string | undefined {
  if (labels?.[OWNER_LABELS[owner.kind]] === owner.id) return undefined;
  const notOurs = `container '${container}' is not this ${owner.kind.toLowerCase()}'s`;
  for (const kind of OWNER_KINDS) {
    const id = labels?.[OWNER_LABELS[kind]];
    if (id) return `${notOurs}: it belongs to ${kind.toLowerCase()} ${id}`;
  }
  const project = labels?.[COMPOSE_PROJECT_LABEL];
  if (project) {
    return `${notOurs}: it belongs to compose project '${project}', which carries no Monitor label`;
  }
  return `${notOurs}: it has no Monitor label (${DEPLOYMENT_LABEL} or ${STACK_LABEL}), so Monitor did not make it and does not touch it`;
}

/** Refuses (409) acting on a container that is not `owner`'s; no owner: the server's own. */
export function assertOwner(container: string, labels: Labels, owner: OwnerDto | undefined): void {
  const problem = owner && ownerProblem(container.replace(/^\//, ''), labels, owner);
  if (problem) throw new PeripheryError('CONFLICT', problem);
}

/**
 * A new container's labels for `owner`: its own label set to its id. Compose's and Monitor's
 * labels are never taken from the spec, so a container cannot pass for another's.
 */
export function ownedLabels(
  labels: Record<string, string>,
  owner: OwnerDto,
): Record<string, string> {
  const reserved = Object.keys(labels).filter(
    (key) =>
      reservedLabelPrefix(key) && !(key === OWNER_LABELS[owner.kind] && labels[key] === owner.id),
  );
  if (reserved.length) {
    throw new PeripheryError(
      'VALIDATION',
      `spec.labels: ${reserved.map((k) => `'${k}'`).join(', ')}: compose's and Monitor's labels are set by them, not by a spec`,
    );
  }
  return { ...labels, [OWNER_LABELS[owner.kind]]: owner.id };
}
