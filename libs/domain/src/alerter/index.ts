export * from './alerter.config';
export * from './alert-types';
export * from './admission';
export * from './maintenance-window';
export * from './unknown-variables';
export * from './validate';
export * from './validate-windows';
export { isKnownTimeZone, instantOf, wallTimeAt, type WallTime } from './zoned-time';
