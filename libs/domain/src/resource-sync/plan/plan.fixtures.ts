import type { ResourceKind } from '../../kinds';
import { KIND_SPECS, type ConfigOf } from '../../resources/configs/registry';
import type { Resource } from '../../resources/lifecycle/state';
import type { UserGroup } from '../../identity/user-group';
import { emptyGrants } from '../../identity/permission-level';
import type { Variable } from '../../variables/variable';
import type {
  DeclaredResource,
  DeclaredSet,
  DeclaredUserGroup,
  DeclaredVariable,
} from '../declared';
import { defaultResourceSyncConfig, type ResourceSyncConfig } from '../resource-sync.config';
import { lookupFrom } from './lookup';
import { planSync } from './plan';
import type { PlanInput, SyncPlan } from './types';

/** What the tests' keyring seals a secret into: opaque, as the event store holds it. */
export const sealed = (plaintext: string) => ({ sealed: plaintext });
const secretMatches = (stored: unknown, plaintext: string) =>
  (stored as { sealed?: string } | null)?.sealed === plaintext;

/** djb2 over the text: any stable hash does for the plan (the app gives sha256). */
export function testHash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) >>> 0;
  return h.toString(16);
}

export const SOURCE = { source: { file: 'resources.toml', line: 1 }, lines: {} };

export function existing<K extends ResourceKind>(
  kind: K,
  name: string,
  config: Partial<ConfigOf<K>> | Record<string, unknown> = {},
  more: Partial<Resource> = {},
): Resource {
  return {
    kind,
    id: `${kind.toLowerCase()}-${name}`,
    name,
    description: '',
    tags: [],
    config: { ...KIND_SPECS[kind].defaults(), ...config } as ConfigOf<K>,
    basePermission: 'None',
    createdAt: 0,
    updatedAt: 0,
    revision: 0,
    configWriter: '',
    ...more,
  } as Resource;
}

export function declared(
  kind: ResourceKind,
  name: string,
  config: Record<string, unknown> = {},
  more: Partial<DeclaredResource> = {},
): DeclaredResource {
  return { kind, name, deploy: false, after: [], config, ...SOURCE, ...more };
}

export const variable = (name: string, value: string | object, more: Partial<Variable> = {}) => ({
  name,
  value,
  description: '',
  isSecret: false,
  ...more,
});

export const declaredVariable = (
  name: string,
  more: Partial<DeclaredVariable> = {},
): DeclaredVariable => ({ name, ...SOURCE, ...more });

export const group = (name: string, more: Partial<UserGroup> = {}): UserGroup => ({
  id: `group-${name}`,
  name,
  everyone: false,
  users: [],
  grants: emptyGrants(),
  ...more,
});

export const declaredGroup = (
  name: string,
  more: Partial<DeclaredUserGroup> = {},
): DeclaredUserGroup => ({ name, ...SOURCE, ...more });

export const SYNC_ID = 'sync-self';

export interface Given {
  declared?: Partial<DeclaredSet>;
  resources?: Resource[];
  variables?: Variable[];
  userGroups?: UserGroup[];
  config?: Partial<ResourceSyncConfig>;
  tags?: { id: string; name: string }[];
  users?: { id: string; username: string }[];
  more?: Partial<PlanInput>;
}

/** Given what exists and what is declared, when planning: the plan (delete on, as tests mostly want). */
export function planOf(given: Given): SyncPlan {
  const resources = given.resources ?? [];
  return planSync({
    declared: { resources: [], variables: [], userGroups: [], ...given.declared },
    resources,
    variables: given.variables ?? [],
    userGroups: given.userGroups ?? [],
    lookup: lookupFrom(resources, given.tags, given.users),
    sync: {
      id: SYNC_ID,
      config: {
        ...defaultResourceSyncConfig(),
        delete: true,
        include_variables: true,
        include_user_groups: true,
        ...given.config,
      },
    },
    secretMatches,
    hash: testHash,
    ...given.more,
  });
}

/** The plan's changes as `<action> <key>` lines, in the plan's order. */
export const summary = (plan: SyncPlan) =>
  [...plan.resources, ...plan.variables, ...plan.userGroups].map((c) => `${c.action} ${c.key}`);
