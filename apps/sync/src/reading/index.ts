export { type CollectedFiles, collectSyncFiles } from './collect-sync-files';
export { formatProblem, hasErrors } from './problems';
export { type ReadSync, type ReadSyncOptions, readSyncFiles } from './read-sync-files';
export type { Exists } from './cross-checks';
