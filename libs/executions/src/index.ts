export * from './runner/execution-context';
export * from './runner/execution-runner';
export * from './agents/agent-errors';
export * from './agents/server-agents';
