export * from './repo-record';
export * from './repo-validate';
export * from './repo-directory';
