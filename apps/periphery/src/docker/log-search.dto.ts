import * as v from 'valibot';

/**
 * Komodo's log search fields (`terms`, `combinator`, `invert`), spread into a request's own
 * schema: a container's (`name`) or a compose project's (`project`, `services`).
 */
export const LOG_SEARCH = {
  terms: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1))),
    v.minLength(1, 'must hold at least one term'),
  ),
  combinator: v.optional(v.picklist(['And', 'Or']), 'Or'),
  invert: v.optional(v.boolean()),
};
