export * from './command-meta';
export * from './ids';
export * from './name-registry';
export * from './reference-resolver';
export * from './resource-commands';
export * from './stream-handler';
export * from './tag-commands';
export * from './tag-resolver';
