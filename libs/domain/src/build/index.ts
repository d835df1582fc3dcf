export * from './version';
export * from './image-tags';
export * from './build-args';
export * from './build-extra-args';
export * from './build-record';
export * from './build-queries';
export * from './validate';
export * from './build-list-info';
