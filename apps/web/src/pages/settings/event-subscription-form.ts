import type { CreateEventSubscriptionDto, EventFilterDto } from '@monitor/contracts';

/** What the new-subscription form holds: each filter list as typed, comma separated. */
export interface EventSubscriptionForm {
  name: string;
  url: string;
  secret: string;
  kinds: string;
  resources: string;
  types: string;
  tags: string;
}

export const emptyEventSubscriptionForm = (): EventSubscriptionForm => ({
  name: '',
  url: '',
  secret: '',
  kinds: '',
  resources: '',
  types: '',
  tags: '',
});

const FILTER_FIELDS = ['kinds', 'resources', 'types', 'tags'] as const;

/** `a, b,,c ` as ['a', 'b', 'c']. */
export const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** The filter typed, empty lists left out (an empty filter takes every event). */
export function filterOf(form: EventSubscriptionForm): EventFilterDto {
  const filter: Record<string, string[]> = {};
  for (const field of FILTER_FIELDS) {
    const values = listOf(form[field]);
    if (values.length) filter[field] = values;
  }
  return filter as EventFilterDto;
}

export function createParams(form: EventSubscriptionForm): CreateEventSubscriptionDto {
  return {
    name: form.name.trim(),
    url: form.url.trim(),
    secret: form.secret,
    filter: filterOf(form),
    enabled: true,
  };
}

/** One line for a filter: `kinds: Deployment; tags: prod`, or that it takes every event. */
export function describeFilter(filter: EventFilterDto): string {
  const parts = FILTER_FIELDS.filter((f) => filter[f]?.length).map(
    (f) => `${f}: ${filter[f]!.join(', ')}`,
  );
  return parts.length ? parts.join('; ') : 'every event';
}
