import * as v from 'valibot';
import { OwnerDto } from './container-owner';
import { LOG_SEARCH } from './log-search.dto';

/** `{ name }`: a container's name (or id). */
const CONTAINER_NAME = {
  name: v.pipe(v.string(), v.minLength(1)),
  /** The Deployment (or Stack) acted for: only a container labelled with its id is touched. */
  owner: v.optional(OwnerDto),
};

export const ContainerNameDto = v.strictObject(CONTAINER_NAME);

export const GetContainerLogDto = v.strictObject({
  ...CONTAINER_NAME,
  /** Lines from the end; Komodo's default and ceiling. */
  tail: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5000)), 100),
  timestamps: v.optional(v.boolean()),
});
export type GetContainerLogDto = v.InferOutput<typeof GetContainerLogDto>;

export const GetContainerLogSearchDto = v.strictObject({
  ...CONTAINER_NAME,
  ...LOG_SEARCH,
  timestamps: v.optional(v.boolean()),
});
export type GetContainerLogSearchDto = v.InferOutput<typeof GetContainerLogSearchDto>;

const LABEL_FILTERS = v.optional(v.array(v.pipe(v.string(), v.minLength(1))));

/** Docker's prune filters, e.g. `{ "label": ["app=web"], "until": "24h" }`. */
export const PruneFiltersDto = v.strictObject({
  label: LABEL_FILTERS,
  'label!': LABEL_FILTERS,
  /** A Go duration (`24h`) or a timestamp: only what was created before it. */
  until: v.optional(v.pipe(v.string(), v.minLength(1))),
});
export type PruneFiltersDto = v.InferOutput<typeof PruneFiltersDto>;

export const PruneDto = v.strictObject({ filters: v.optional(PruneFiltersDto) });
