export * from './abandoned-attempt';
export * from './alerter-health';
export * from './delivery';
export * from './delivery-events';
export * from './delivery-order';
export * from './delivery-state';
export * from './retry-policy';
