export * from './read-model';
export * from './position-waiter';
export * from './update-record';
export * from './write-updates';
export * from './identity-model';
export * from './settings-model';
export * from './execution-updates';
