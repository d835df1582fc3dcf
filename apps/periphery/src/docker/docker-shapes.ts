/** Komodo's Log, declared once in the domain (`ExecutionLog`): one step of an execution. */
export type { ExecutionLog as Log } from '@monitor/domain/agent';
