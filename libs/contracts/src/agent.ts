/*
 * The agent's part of the contracts, as `@monitor/contracts/agent`: its request catalogue (names,
 * params, answers) and the JSON limits every body is held to. The agent imports only this; the
 * contracts' index also loads every request DTO and class-validator with them.
 */
export * from './catalogue/agent-params';
export * from './catalogue/agent-answers';
export * from './catalogue/agent-repo';
export * from './catalogue/agent-build';
export * from './catalogue/agent';
export * from './validation/json-limits';
