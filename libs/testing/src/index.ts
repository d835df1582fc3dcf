export * from './free-port';
export * from './nats-server';
export * from './decider-spec';
export * from './docker-test-image';
export * from './docker-test-containers';
export * from './docker-registry';
export * from './git-http-server';
export * from './private-docker-engine';
