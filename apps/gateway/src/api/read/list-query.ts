import type { ResourceQueryDto } from '@monitor/contracts';
import type { Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ApiError } from '../api-error';

const TEMPLATES = ['Include', 'Exclude', 'Only'];

/**
 * Whether the resource is one a Komodo resource query picks: `names` (names or ids), `terms`
 * (the name contains every one, any case), `tags` (names or ids; all, or any with
 * `tag_behavior: Any`), `templates` (Monitor has no templates: `Only` picks none).
 * `query.specific` is the kind's own (see specificFilters).
 */
export function matches(
  resource: Resource,
  query: ResourceQueryDto | undefined,
  readModel: ReadModel,
): boolean {
  return queryMatcher(query, readModel)(resource);
}

/** The test `matches` makes, prepared once for a list: terms lowered, tags found. */
export function queryMatcher(
  query: ResourceQueryDto | undefined,
  readModel: ReadModel,
): (resource: Resource) => boolean {
  if (!query) return () => true;
  if (query.templates !== undefined && !TEMPLATES.includes(query.templates)) {
    throw new ApiError(
      400,
      `query.templates: must be one of ${TEMPLATES.join(', ')}, not '${query.templates}'`,
      'VALIDATION',
      { errors: [{ field: 'query.templates', message: `must be one of ${TEMPLATES.join(', ')}` }] },
    );
  }
  if (query.templates === 'Only') return () => false;
  const names = query.names?.length ? new Set(query.names) : undefined;
  const terms = (query.terms ?? []).filter((t) => t !== '').map((t) => t.toLowerCase());
  const tags = query.tags?.length ? query.tags.map((t) => readModel.tag(t)?.id ?? t) : undefined;
  const anyTag = query.tag_behavior === 'Any';
  return (resource) => {
    if (names && !names.has(resource.name) && !names.has(resource.id)) return false;
    if (terms.length) {
      const name = resource.name.toLowerCase();
      if (!terms.every((t) => name.includes(t))) return false;
    }
    if (!tags) return true;
    const has = (id: string) => resource.tags.includes(id);
    return anyTag ? tags.some(has) : tags.every(has);
  };
}
