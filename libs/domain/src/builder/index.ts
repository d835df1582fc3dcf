export * from './builder.config';
export * from './merge-config';
export * from './validate';
export * from './user-data';
