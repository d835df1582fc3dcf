import { median, percentile } from '../support/percentiles';

/** One line: what was timed, its median and 99th percentile. */
export function report(what: string, ms: readonly number[]): void {
  console.log(
    `${what}: p50 ${median(ms).toFixed(2)} ms, p99 ${percentile(ms, 0.99).toFixed(2)} ms`,
  );
}
