/**
 * What a reader puts before every line of a log, which masking must look through: a secret
 * printed over several lines comes out cut by them.
 */

/** Docker's `--timestamps`: RFC 3339 with nanoseconds, then a space. */
export const TIMESTAMP_PREFIX =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}) /;

/** A compose project's log as the agent answers it, like `docker compose logs`: `<container>  | `. */
export const COMPOSE_PREFIX = /^\S+ {2}\| /;
