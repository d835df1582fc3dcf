export * from './agent-client';
export * from './agent-error';
export * from './request-signature';
export * from './request-verifier';
export * from './tls-connection';
export * from './streamed-answer';
