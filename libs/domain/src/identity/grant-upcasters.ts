import type { ResourceKind } from '../kinds';
import type { Upcaster } from '../shared/upcasting';
import { legacySpecifics } from './specific-permission';

/**
 * Version 1 of the grant events had a level only. A grant recorded then keeps the reads it
 * allowed when no read needed a specific permission (`legacySpecifics`), and gains neither
 * Attach nor Terminal.
 */
const withSpecifics = (type: string): Upcaster => ({
  type,
  from: 1,
  upcast: (data) => {
    const grant = data as { kind: ResourceKind; level: string; specific?: unknown };
    return { ...grant, specific: grant.specific ?? legacySpecifics(grant.kind, grant.level) };
  },
});

export const GRANT_UPCASTERS: Upcaster[] = [
  'UserKindPermissionSet',
  'UserResourcePermissionSet',
  'UserGroupKindPermissionSet',
  'UserGroupResourcePermissionSet',
].map(withSpecifics);
