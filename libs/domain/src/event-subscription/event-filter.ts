import { invalid } from '../shared/domain-error';
import { isResourceKind, RESOURCE_KINDS, type ResourceKind } from '../kinds';

/**
 * Which events a subscription takes: each dimension given must match (any of its values), an
 * absent or empty one matches all. The same shape as the live feeds' filter.
 */
export interface EventFilter {
  kinds?: ResourceKind[];
  /** Resource ids or names. */
  resources?: string[];
  /** Event types, e.g. `DeploymentConfigUpdated`, `AlertOpened`. */
  types?: string[];
  /** Tag ids or names: the resource has at least one of them. */
  tags?: string[];
}

/** What a filter is matched against: an event of a resource, its tags as ids and names. */
export interface FilteredEvent {
  type: string;
  resource: { kind: ResourceKind; id: string; name?: string; tags: readonly string[] };
}

export const FILTER_LIST_MAX = 100;

const FIELDS = ['kinds', 'resources', 'types', 'tags'] as const;

/** The filter checked whole, empty lists dropped: 400 naming `filter.<field>` when wrong. */
export function checkEventFilter(filter: unknown): EventFilter {
  if (filter === undefined || filter === null) return {};
  if (typeof filter !== 'object' || Array.isArray(filter))
    throw invalid('filter: must be an object', { field: 'filter' });
  const checked: EventFilter = {};
  for (const [key, value] of Object.entries(filter)) {
    const field = `filter.${key}`;
    if (!(FIELDS as readonly string[]).includes(key))
      throw invalid(`${field}: not a filter field (${FIELDS.join(', ')})`, { field });
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === ''))
      throw invalid(`${field}: must be a list of non-empty strings`, { field });
    if (value.length > FILTER_LIST_MAX)
      throw invalid(`${field}: at most ${FILTER_LIST_MAX} entries`, { field });
    if (key === 'kinds') {
      const wrong = value.find((v) => !isResourceKind(v));
      if (wrong !== undefined)
        throw invalid(`${field}: '${wrong}' is not one of ${RESOURCE_KINDS.join(', ')}`, { field });
    }
    if (value.length) (checked as Record<string, string[]>)[key] = [...new Set(value as string[])];
  }
  return checked;
}

export function matchesEventFilter(filter: EventFilter, event: FilteredEvent): boolean {
  const { resource } = event;
  const any = (wanted: readonly string[] | undefined, has: readonly string[]) =>
    !wanted?.length || wanted.some((w) => has.includes(w));
  return (
    any(filter.kinds, [resource.kind]) &&
    any(
      filter.resources,
      resource.name === undefined ? [resource.id] : [resource.id, resource.name],
    ) &&
    any(filter.types, [event.type]) &&
    any(filter.tags, resource.tags)
  );
}
