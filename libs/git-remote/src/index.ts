export * from './remote';
export * from './read-remote';
export * from './commit-remote';
