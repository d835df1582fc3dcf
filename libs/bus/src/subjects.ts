/**
 * Bus subjects. One token per part, so a subject never carries a stray separator or a
 * NATS wildcard (`*`, `>`) that would make a handler listen to more than it should.
 */
const TOKEN = /^[A-Za-z0-9_-]+$/;

function token(value: string, what: string): string {
  if (!TOKEN.test(value)) throw new Error(`invalid ${what} for a bus subject: "${value}"`);
  return value;
}

/**
 * Kinds are written in lower case, like the stream categories (`servertemplate-<id>`), so that
 * `Server` and `server` name the same subject.
 */
function kindToken(kind: string): string {
  return token(kind.toLowerCase(), 'kind');
}

/** `cmd.<kind>.<Command>`, e.g. `cmd.server.CreateServer`: request/reply, one handler. */
export function commandSubject(kind: string, command: string): string {
  return `cmd.${kindToken(kind)}.${token(command, 'command')}`;
}

/** `query.<Query>`, e.g. `query.ListServers`: request/reply. */
export function querySubject(query: string): string {
  return `query.${token(query, 'query')}`;
}

/** `exec.<kind>.<Execution>`, e.g. `exec.deployment.Deploy`: request/reply in a queue group. */
export function execSubject(kind: string, execution: string): string {
  return `exec.${kindToken(kind)}.${token(execution, 'execution')}`;
}

/**
 * The NATS queue group of each service, given per handler as `@MessagePattern(subject,
 * { queue })` on commands and executions, so replicas share the work. Never server-wide: a
 * server-wide queue would also stop events from reaching every handler.
 */
export const QUEUE_GROUPS = {
  gateway: 'monitor-gateway',
  deployer: 'monitor-deployer',
  builder: 'monitor-builder',
  procedures: 'monitor-procedures',
  sync: 'monitor-sync',
  alerter: 'monitor-alerter',
} as const;

export type BusService = keyof typeof QUEUE_GROUPS;
