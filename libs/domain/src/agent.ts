/*
 * The part of the domain the agent (apps/periphery) loads, as `@monitor/domain/agent`: labels,
 * the syntax of runtime names, image registries, joined containers, log search and build flags.
 * Pure and small, where the domain's index also loads every decider, the upcasters and their
 * libraries.
 */
export * from './deployment/labels';
export * from './shared/runtime-syntax';
export * from './shared/relative-path';
export * from './deployment/image-registry';
export * from './deployment/joined-containers';
export * from './logs/log-search';
export * from './logs/log-prefixes';
export * from './build/build-extra-args';
export { composeBuildWordErrors } from './stack/compose-build-args';
export { isSecretId } from './build/build-args';
export { isEnvName } from './deployment/environment';
export type { ExecutionLog } from './updates/update';
