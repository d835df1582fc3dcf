import type { PermissionLevel } from '@monitor/contracts';

const ORDER: PermissionLevel[] = ['None', 'Read', 'Execute', 'Write'];

/** Whether `held` is at least `needed` (None < Read < Execute < Write). */
export function allows(held: PermissionLevel | undefined, needed: PermissionLevel): boolean {
  return ORDER.indexOf(held ?? 'None') >= ORDER.indexOf(needed);
}
