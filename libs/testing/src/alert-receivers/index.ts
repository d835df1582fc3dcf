export * from './http-receiver';
export * from './smtp-receiver';
