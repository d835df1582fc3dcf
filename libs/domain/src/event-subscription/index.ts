export * from './event-filter';
export * from './event-subscription';
export * from './webhook-delivery';
