export * from './periphery-config';
export * from './load-periphery-config';
