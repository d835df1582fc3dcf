import { StatsError } from './port';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Komodo's Timelength values and their length. */
export const TIMELENGTHS = {
  '1-sec': SECOND,
  '2-sec': 2 * SECOND,
  '3-sec': 3 * SECOND,
  '5-sec': 5 * SECOND,
  '10-sec': 10 * SECOND,
  '15-sec': 15 * SECOND,
  '30-sec': 30 * SECOND,
  '1-min': MINUTE,
  '2-min': 2 * MINUTE,
  '3-min': 3 * MINUTE,
  '5-min': 5 * MINUTE,
  '10-min': 10 * MINUTE,
  '15-min': 15 * MINUTE,
  '30-min': 30 * MINUTE,
  '1-hr': HOUR,
  '2-hr': 2 * HOUR,
  '3-hr': 3 * HOUR,
  '6-hr': 6 * HOUR,
  '8-hr': 8 * HOUR,
  '12-hr': 12 * HOUR,
  '1-day': DAY,
  '2-day': 2 * DAY,
  '3-day': 3 * DAY,
  '1-wk': 7 * DAY,
  '2-wk': 14 * DAY,
  '30-day': 30 * DAY,
} as const;

export type Timelength = keyof typeof TIMELENGTHS;

export function timelengthMs(granularity: string): number {
  if (!Object.hasOwn(TIMELENGTHS, granularity)) {
    throw new StatsError(
      'INVALID_QUERY',
      `granularity: '${granularity}' is not a Timelength (${Object.keys(TIMELENGTHS).join(', ')})`,
      { field: 'granularity' },
    );
  }
  return TIMELENGTHS[granularity as Timelength];
}
