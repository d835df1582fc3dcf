/*
 * The part of the domain the agent (apps/periphery) loads, as `@monitor/domain/agent`: labels,
 * the syntax of runtime names, image registries, joined containers and log search. Pure and
 * small, where the domain's index also loads every decider, the upcasters and their libraries.
 */
export * from './deployment/labels';
export * from './shared/runtime-syntax';
export * from './deployment/image-registry';
export * from './deployment/joined-containers';
export * from './logs/log-search';
export * from './logs/log-prefixes';
export type { ExecutionLog } from './updates/update';
