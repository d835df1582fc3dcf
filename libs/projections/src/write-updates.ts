import { parseResourceEventType, RESOURCE_KINDS, type FieldChange } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import { maskSealed } from '@monitor/secrets';
import { instantUpdate } from './instant-update';
import type { UpdateRecord } from './update-record';

const OPERATION: Record<string, (kind: string) => string> = {
  Created: (kind) => `Create${kind}`,
  ConfigUpdated: (kind) => `Update${kind}`,
  Renamed: (kind) => `Rename${kind}`,
  DescriptionUpdated: () => 'UpdateResourceMeta',
  TagsUpdated: () => 'UpdateResourceMeta',
  BasePermissionUpdated: () => 'UpdateResourceMeta',
  Deleted: (kind) => `Delete${kind}`,
};

const CHANGED_FIELD: Record<string, string> = {
  Renamed: 'name',
  DescriptionUpdated: 'description',
  TagsUpdated: 'tags',
  BasePermissionUpdated: 'base_permission',
};

/**
 * The Update a write leaves in the audit trail, derived from its resource event: no second
 * write that could be lost, and the Update id is the event id.
 */
export function updateFromResourceEvent(event: StoredEvent): UpdateRecord | undefined {
  const parsed = parseResourceEventType(event.type, RESOURCE_KINDS);
  if (!parsed) return undefined;
  const { kind, action } = parsed;
  const id = event.stream.slice(event.stream.indexOf('-') + 1);
  const operation = OPERATION[action](kind);
  const stdout = describeChange(action, maskSealed(event.data));
  return instantUpdate(event, operation, stdout, { type: kind, id });
}

function describeChange(action: string, data: unknown): string {
  const d = data as Record<string, unknown>;
  switch (action) {
    case 'Created':
      return `created '${d.name}'`;
    case 'ConfigUpdated':
      return formatDiff(d.diff as Record<string, FieldChange>);
    case 'Deleted':
      return `deleted '${d.name}'`;
    default:
      return `${CHANGED_FIELD[action] ?? action}: ${JSON.stringify(d.from)} -> ${JSON.stringify(d.to)}`;
  }
}

/** One line per changed field, as the Update's log shows it. */
export function formatDiff(diff: Record<string, FieldChange>): string {
  return Object.entries(diff)
    .map(([field, { from, to }]) => `${field}: ${JSON.stringify(from)} -> ${JSON.stringify(to)}`)
    .join('\n');
}
