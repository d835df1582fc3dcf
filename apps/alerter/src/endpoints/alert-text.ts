import type { Alert, AlertData, AlertDataOf, AlertError, SeverityLevel } from '@monitor/domain';
import type { FormatContext } from './endpoint';
import { resourceLink } from './resource-link';

/** How a service marks emphasis: none (ntfy, Pushover, Telegram, e-mail), Discord's, Slack's. */
export type Markup = 'plain' | 'discord' | 'slack';

/** Komodo's message for one alert, in parts, so each endpoint lays them out as Komodo does. */
export interface AlertText {
  /** `CRITICAL 🚨`, `WARNING ‼️` or `OK ✅`. */
  level: string;
  /** Whether Komodo starts the message with the level (state changes and updates it does not). */
  leveled: boolean;
  /** What happened, with its details on the following lines. */
  body: string;
  link?: string;
  /** What Komodo puts after the link: the error of an unreachable server. */
  after: string;
}

const LEVELS: Record<SeverityLevel, string> = {
  CRITICAL: 'CRITICAL 🚨',
  WARNING: 'WARNING ‼️',
  OK: 'OK ✅',
};

const CONTAINER_STATES: Record<string, string> = {
  running: 'Running ▶️',
  exited: 'Exited 🛑',
  restarting: 'Restarting 🔄',
  not_deployed: 'Not Deployed',
};

const STACK_STATES: Record<string, string> = {
  running: 'Running ▶️',
  stopped: 'Stopped 🛑',
  restarting: 'Restarting 🔄',
  down: 'Down ⬇️',
};

type Bold = (text: string) => string;
type Parts = Pick<AlertText, 'body'> & Partial<Pick<AlertText, 'leveled' | 'after'>>;
type Wording = {
  [T in AlertData['type']]: (data: AlertDataOf<T>['data'], b: Bold, level: SeverityLevel) => Parts;
};

const region = (r?: string) => (r ? ` (${r})` : '');
const pct = (used: number, total: number) => (total > 0 ? (100 * used) / total : 0).toFixed(1);
const gib = (n: number) => n.toFixed(1);
const state = (states: Record<string, string>, s: string) => states[s.toLowerCase()] ?? s;
/** Komodo names the swarm a container runs in, else its server. */
const onServer = (d: { server_name?: string; swarm_name?: string }) =>
  d.swarm_name ? `\nswarm: ${d.swarm_name}` : d.server_name ? `\nserver: ${d.server_name}` : '';
const version = (v: { major: number; minor: number; patch: number }) =>
  `v${v.major}.${v.minor}.${v.patch}`;
const logTail = (tail: string) => (tail ? `\nlog:\n${tail}` : '');
const errorText = (err?: AlertError) =>
  err ? `\nerror: ${[err.error, ...err.trace].join('\n')}` : '';

/** Komodo's wording per alert type (bin/core/src/alert/mod.rs, discord.rs, slack.rs). */
const WORDING: Wording = {
  None: () => ({ body: '' }),
  Test: (d, b) => ({
    body: `If you see this message, then Alerter ${b(d.name)} is ${b('working')}`,
  }),
  SwarmUnhealthy: (d, b, level) =>
    level === 'OK'
      ? { body: `Swarm ${b(d.name)} is now ${b('healthy')}` }
      : { body: `Swarm ${b(d.name)} is ${b('unhealthy')} ❌`, after: errorText(d.err) },
  ServerUnreachable: (d, b, level) =>
    level === 'OK'
      ? { body: `${b(d.name)}${region(d.region)} is now ${b('connected')}` }
      : {
          body: `${b(d.name)}${region(d.region)} is ${b('unreachable')} ❌`,
          after: errorText(d.err),
        },
  ServerVersionMismatch: (d, b, level) => ({
    body:
      level === 'OK'
        ? `${b(d.name)}${region(d.region)} | Periphery version now matches Core version ✅`
        : `${b(d.name)}${region(d.region)} | Version mismatch detected ⚠️\nPeriphery: ${d.server_version} | Core: ${d.core_version}`,
  }),
  ServerCpu: (d, b) => ({
    body: `${b(d.name)}${region(d.region)} cpu usage at ${b(`${d.percentage.toFixed(1)}%`)}`,
  }),
  ServerMem: (d, b) => ({
    body: `${b(d.name)}${region(d.region)} memory usage at ${b(`${pct(d.used_gb, d.total_gb)}%`)}💾\n\nUsing ${gib(d.used_gb)} GiB / ${gib(d.total_gb)} GiB`,
  }),
  ServerDisk: (d, b) => ({
    body: `${b(d.name)}${region(d.region)} disk usage at ${b(`${pct(d.used_gb, d.total_gb)}%`)}💿\nmount point: ${JSON.stringify(d.path)}\nusing ${gib(d.used_gb)} GiB / ${gib(d.total_gb)} GiB`,
  }),
  ContainerStateChange: (d, b) => ({
    leveled: false,
    body: `📦Deployment ${b(d.name)} is now ${b(state(CONTAINER_STATES, d.to))}${onServer(d)}\nprevious: ${d.from}`,
  }),
  DeploymentImageUpdateAvailable: (d, b) => ({
    leveled: false,
    body: `⬆ Deployment ${b(d.name)} has an update available${onServer(d)}\nimage: ${d.image}`,
  }),
  DeploymentAutoUpdated: (d, b) => ({
    leveled: false,
    body: `⬆ Deployment ${b(d.name)} was updated automatically${onServer(d)}\nimage: ${d.image}`,
  }),
  StackStateChange: (d, b) => ({
    leveled: false,
    body: `🥞 Stack ${b(d.name)} is now ${b(state(STACK_STATES, d.to))}${onServer(d)}\nprevious: ${d.from}`,
  }),
  StackImageUpdateAvailable: (d, b) => ({
    leveled: false,
    body: `⬆ Stack ${b(d.name)} has an update available${onServer(d)}\nservice: ${d.service}\nimage: ${d.image}`,
  }),
  StackAutoUpdated: (d, b) => ({
    leveled: false,
    body: `⬆ Stack ${b(d.name)} was updated automatically ⏫${onServer(d)}\n${d.images.length > 1 ? 'images' : 'image'}: ${d.images.join(', ')}`,
  }),
  AwsBuilderTerminationFailed: (d) => ({
    body: `Failed to terminate AWS builder instance\ninstance id: ${d.instance_id}\n${d.message}`,
  }),
  ServerLaunchCleanupFailed: (d, b, level) =>
    level === 'OK'
      ? { body: `The failed launch of server ${b(d.server_name)} is ${b('cleaned up')}` }
      : {
          body: `Failed to clean up the launch of server ${b(d.server_name)} on ${d.provider}: it may still be billed${d.instance_id ? `\ninstance id: ${d.instance_id}` : ''}${d.volumes.length ? `\nvolumes: ${d.volumes.join(', ')}` : ''}\n${d.message}`,
        },
  ResourceSyncPendingUpdates: (d, b) => ({ body: `Pending resource sync updates on ${b(d.name)}` }),
  ResourceSyncDeletesHeld: (d, b, level) =>
    level === 'OK'
      ? { body: `Resource sync ${b(d.name)} no longer holds a webhook run` }
      : {
          body: `Resource sync ${b(d.name)} ${b('held')} a webhook run: it would delete ${d.deletes} of ${d.scope}${d.commit ? ` at ${d.commit}` : ''}\nrun it by hand with confirm_deletes = ${d.deletes}`,
        },
  BuildFailed: (d, b) => ({
    body: `Build ${b(d.name)} ${b('failed')}\nversion: ${version(d.version)}`,
  }),
  RepoBuildFailed: (d, b) => ({ body: `Repo build for ${b(d.name)} ${b('failed')}` }),
  ProcedureFailed: (d, b) => ({ body: `Procedure ${b(d.name)} ${b('failed')}` }),
  ActionFailed: (d, b) => ({ body: `Action ${b(d.name)} ${b('failed')}` }),
  ScheduleRun: (d, b) => ({ body: `${b(d.name)} (${d.resource_type}) | Scheduled run started 🕝` }),
  // Beyond Komodo: deploy and build outcomes. A failure's log comes after the link, so a long
  // log is what truncation cuts.
  DeploymentDeployed: (d, b) => ({
    body: `Deployment ${b(d.name)} ${b('deployed')} ✅${onServer(d)}`,
  }),
  DeploymentDeployFailed: (d, b) => ({
    body: `Deployment ${b(d.name)} ${b('deploy failed')} ❌${onServer(d)}\nstage: ${d.stage}`,
    after: logTail(d.log_tail),
  }),
  StackDeployed: (d, b) => ({ body: `Stack ${b(d.name)} ${b('deployed')} ✅${onServer(d)}` }),
  StackDeployFailed: (d, b) => ({
    body: `Stack ${b(d.name)} ${b('deploy failed')} ❌${onServer(d)}\nstage: ${d.stage}`,
    after: logTail(d.log_tail),
  }),
  BuildSucceeded: (d, b) => ({
    body: `Build ${b(d.name)} ${b('succeeded')} ✅\nversion: ${version(d.version)}`,
  }),
  AlerterFailing: (d, b, level) =>
    level === 'OK'
      ? { body: `Alerter ${b(d.name)} is ${b('delivering')} again` }
      : {
          body: `Alerter ${b(d.name)} is ${b('failing')}: ${d.failures_in_a_row} attempts in a row failed`,
          after: d.error ? `\nerror: ${d.error}` : '',
        },
  EventSubscriptionFailing: (d, b, level) =>
    level === 'OK'
      ? { body: `Webhook ${b(d.name)} is ${b('delivering')} again` }
      : {
          body: `Webhook ${b(d.name)} is ${b('failing')}: ${d.failures_in_a_row} attempts in a row failed`,
          after: d.error ? `\nerror: ${d.error}` : '',
        },
  Custom: (d) => ({ body: d.details ? `${d.message}\n${d.details}` : d.message }),
};

const BOLD: Record<Markup, Bold> = {
  plain: (t) => t,
  discord: (t) => `**${t}**`,
  slack: (t) => `*${t}*`,
};

/** The parts of the alert's message in the service's markup; an empty body sends nothing. */
export function alertText(alert: Alert, ctx: FormatContext, markup: Markup): AlertText {
  const wording = WORDING[alert.data.type] as (data: unknown, b: Bold, l: SeverityLevel) => Parts;
  const parts = wording(alert.data.data, BOLD[markup], alert.level);
  const link =
    alert.data.type === 'AwsBuilderTerminationFailed'
      ? undefined
      : resourceLink(ctx.linkBase, alert.target);
  return {
    level: LEVELS[alert.level],
    leveled: parts.leveled ?? true,
    body: parts.body,
    link,
    after: parts.after ?? '',
  };
}

/** The first line: the level (when Komodo leads with it) and what happened. */
export function headline(text: AlertText): string {
  const first = text.body.split('\n')[0];
  return text.leveled ? `${text.level} | ${first}` : first;
}

/** The whole message as one text, Komodo's `standard_alert_content` layout. */
export function formatAlert(alert: Alert, ctx: FormatContext, markup: Markup = 'plain'): string {
  const text = alertText(alert, ctx, markup);
  if (!text.body) return '';
  const lead = text.leveled ? `${text.level} | ` : '';
  return `${lead}${text.body}${text.link ? `\n${text.link}` : ''}${text.after}`;
}
