import { OBSERVED_STREAMS } from '@monitor/contracts';
import { isResourceKind, streamCategory, type ResourceKind } from '@monitor/domain';
import { ApiError } from '../../api/api-error';

/**
 * What a feed's client wants, every part optional: the events about resources of these kinds,
 * or with these ids, or carrying these tags (by id or name); of these event types; in these
 * observed stream categories. Parts combine with AND, the values of one part with OR.
 */
export interface FeedFilter {
  kinds?: ReadonlySet<ResourceKind>;
  resources?: ReadonlySet<string>;
  types?: ReadonlySet<string>;
  tags?: readonly string[];
  streams?: ReadonlySet<string>;
}

/** The filter as a client sends it: lists of strings, absent or empty for "any". */
export interface FeedFilterInput {
  kinds?: readonly string[];
  resources?: readonly string[];
  types?: readonly string[];
  tags?: readonly string[];
  streams?: readonly string[];
}

/** The resource an event is about (its own stream, its status, its alerts), if any. */
export interface EventSubject {
  kind: ResourceKind;
  id: string;
}

/** The read model's answers a tag filter needs, asked per event: tags change. */
export interface TagLookup {
  /** The id of the tag with this id or name. */
  tagId(idOrName: string): string | undefined;
  /** The tag ids of the resource, if it exists. */
  tagsOf(subject: EventSubject): readonly string[] | undefined;
}

/** Checks a client's filter; a bad value is a 400 naming the field. */
export function parseFeedFilter(input: FeedFilterInput): FeedFilter {
  const list = (values: readonly string[] | undefined) => {
    const kept = (values ?? []).map((v) => v.trim()).filter((v) => v !== '');
    return kept.length ? kept : undefined;
  };
  const kinds = list(input.kinds);
  const badKind = kinds?.find((k) => !isResourceKind(k));
  if (badKind !== undefined) {
    throw new ApiError(400, `kinds: '${badKind}' is not a resource kind`, 'VALIDATION');
  }
  const streams = list(input.streams);
  const badStream = streams?.find((c) => !(OBSERVED_STREAMS as readonly string[]).includes(c));
  if (badStream !== undefined) {
    throw new ApiError(
      400,
      `streams: '${badStream}' is not one of ${OBSERVED_STREAMS.join(', ')}`,
      'VALIDATION',
    );
  }
  const resources = list(input.resources);
  const types = list(input.types);
  return {
    kinds: kinds && new Set(kinds as ResourceKind[]),
    resources: resources && new Set(resources),
    types: types && new Set(types),
    tags: list(input.tags),
    streams: streams && new Set(streams),
  };
}

/** Splits a query parameter's comma-separated values (absent: none). */
export function commaList(...values: (string | undefined)[]): string[] {
  return values.flatMap((v) => (v === undefined ? [] : v.split(',')));
}

/** Whether the event passes the filter; `subject` is what it is about (resourceOf). */
export function matchesFilter(
  filter: FeedFilter,
  event: { stream: string; type: string },
  subject: EventSubject | undefined,
  tags: TagLookup,
): boolean {
  if (filter.types && !filter.types.has(event.type)) return false;
  if (filter.streams && !filter.streams.has(streamCategory(event.stream))) return false;
  if (filter.kinds && !(subject && filter.kinds.has(subject.kind))) return false;
  if (filter.resources && !(subject && filter.resources.has(subject.id))) return false;
  if (filter.tags) {
    const carried = subject && tags.tagsOf(subject);
    if (!carried) return false;
    return filter.tags.some((t) => {
      const id = tags.tagId(t);
      return id !== undefined && carried.includes(id);
    });
  }
  return true;
}
