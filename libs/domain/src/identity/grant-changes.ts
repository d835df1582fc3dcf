import type { ResourceKind } from '../kinds';
import { grantKey, type Grants, type PermissionLevel } from './permission-level';
import type { SpecificPermission } from './specific-permission';

/** A grant's event data (version 2: version 1 had no `specific`, see grant-upcasters.ts). */
export interface KindGrantData {
  kind: ResourceKind;
  level: PermissionLevel;
  specific: SpecificPermission[];
}
export interface ResourceGrantData extends KindGrantData {
  id: string;
}

const specificGrants = (grants: Grants) => grants.specific ?? { all: {}, resources: {} };

/** Grants after a grant on a whole kind, for users and groups alike. */
export function withKindGrant(grants: Grants, data: KindGrantData): Grants {
  const specific = specificGrants(grants);
  return {
    ...grants,
    all: { ...grants.all, [data.kind]: data.level },
    specific: {
      ...specific,
      all: { ...specific.all, [data.kind]: data.specific },
    },
  };
}

/** Grants after a grant on one resource. */
export function withResourceGrant(grants: Grants, data: ResourceGrantData): Grants {
  const key = grantKey(data.kind, data.id);
  const specific = specificGrants(grants);
  return {
    ...grants,
    resources: { ...grants.resources, [key]: data.level },
    specific: {
      ...specific,
      resources: { ...specific.resources, [key]: data.specific },
    },
  };
}
