export * from './port';
export * from './timelength';
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  downsample,
  pageWindow,
  type PageWindow,
} from './downsample';
export { normalizeRecord } from './record';
export * from './adapters/memory-stats-history';
export * from './adapters/sqlite-stats-history';
export * from './adapters/jetstream-stats-history';
