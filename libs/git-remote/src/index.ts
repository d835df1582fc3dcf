export * from './remote';
export * from './read-remote';
