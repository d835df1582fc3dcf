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

/**
 * `act.request`: a service asks the gateway to handle a request as one of its users, with every
 * check an HTTP caller meets (a sync applying its plan as whoever ran it). The bus is trusted:
 * only services are on it.
 */
export const ACTING_SUBJECT = 'act.request';

/** What a service sends on ACTING_SUBJECT; `meta.userId` is the user acted for. */
export interface ActingRequest<M extends { userId: string } = { userId: string }> {
  verb: string;
  name: string;
  params: unknown;
  meta: M;
}
