export * from './agent-client';
export * from './agent-error';
export * from './tls-connection';
