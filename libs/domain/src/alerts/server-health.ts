import type { ServerConfig } from '../server/server.config';
import type { AlertData, AlertError, SeverityLevel } from './alert-data';
import type { AlertDecision } from './alert-decision';
import type { OpenLevel } from './alert';
import { stepLevel, type LevelReading } from './hysteresis';
import { checksOf, checkId, SERVER_ALERT_TYPES } from './server-checks';

/** How many polls make a change; see `evaluateServerHealth`. */
export interface ServerHealthRules {
  /** Polls in a row over a threshold before CPU, memory or disk opens (or escalates). */
  openAfter: number;
  /** Failed polls in a row before the server is reported unreachable. */
  unreachableAfter: number;
  /** Polls in a row clearly under a threshold before an alert resolves (or de-escalates). */
  resolveAfter: number;
  /** Percentage points under a threshold that count as clearly under it. */
  margin: number;
}

export const DEFAULT_SERVER_HEALTH_RULES: ServerHealthRules = {
  openAfter: 2,
  unreachableAfter: 2,
  resolveAfter: 2,
  margin: 5,
};

export type ServerHealthConfig = Pick<
  ServerConfig,
  | 'region'
  | 'ignore_mounts'
  | 'send_unreachable_alerts'
  | 'send_cpu_alerts'
  | 'send_mem_alerts'
  | 'send_disk_alerts'
  | 'cpu_warning'
  | 'cpu_critical'
  | 'mem_warning'
  | 'mem_critical'
  | 'disk_warning'
  | 'disk_critical'
> &
  Partial<Pick<ServerConfig, 'stats_monitoring'>>;

export interface ServerHealthStats {
  cpu_perc: number;
  mem_used_gb: number;
  mem_total_gb: number;
  disks: { mount: string; used_gb: number; total_gb: number }[];
}

/** The latest poll of the server's agent. */
export type ServerObservation =
  { reachable: true; stats: ServerHealthStats } | { reachable: false; err: AlertError };

/** An open alert of the server, as the alert read model has it. */
export interface OpenServerAlert {
  id: string;
  level: SeverityLevel;
  data: AlertData;
}

/**
 * The last few readings by check (`ServerCpu`, `ServerDisk:/data`...): plain JSON the caller
 * keeps in memory between polls and gives back. Checks with nothing pending are left out.
 */
export type ServerHealthPending = Record<string, LevelReading[]>;

export interface ServerHealthInput {
  server: { id: string; name: string; config: ServerHealthConfig };
  observation: ServerObservation;
  open: OpenServerAlert[];
  pending?: ServerHealthPending;
  rules?: Partial<ServerHealthRules>;
}

export interface ServerHealthEvaluation {
  decisions: AlertDecision[];
  /** Replaces the pending memory given in. */
  pending: ServerHealthPending;
}

/**
 * Decides which of a server's alerts open, change level or resolve after one poll.
 * - A level goes up (OK -> WARNING/CRITICAL opens; WARNING -> CRITICAL escalates) when the last
 *   `openAfter` polls were all at or over its threshold (`unreachableAfter` failed polls for
 *   unreachable), to the lowest level those polls reached.
 * - It goes down (CRITICAL -> WARNING; to OK resolves) when the last `resolveAfter` polls were
 *   all under the current level's threshold minus `margin`, to the highest level they held.
 * - An unreachable poll forgets CPU, memory and disk readings (the next ones start afresh) and
 *   leaves their alerts as they are: nothing was measured.
 * - A switched-off alert type (or `stats_monitoring: false`, or a mount in `ignore_mounts`)
 *   opens nothing and resolves what is open at once. A mount that disappears counts as clear.
 */
export function evaluateServerHealth(input: ServerHealthInput): ServerHealthEvaluation {
  const rules = { ...DEFAULT_SERVER_HEALTH_RULES, ...input.rules };
  const target = { type: 'Server' as const, id: input.server.id };
  const previous = input.pending ?? {};
  const pending: ServerHealthPending = {};
  const decisions: AlertDecision[] = [];
  const open = new Map<string, OpenServerAlert>();
  for (const alert of input.open) {
    if (!SERVER_ALERT_TYPES.includes(alert.data.type)) continue;
    const id = checkId(alert.data);
    // Two open alerts for one problem can only come from a race: keep the first.
    if (open.has(id)) decisions.push({ action: 'Resolve', alertId: alert.id, data: alert.data });
    else open.set(id, alert);
  }
  const checks = checksOf(input, rules, open);
  for (const check of checks) {
    const alert = open.get(check.id);
    const data = check.data ?? alert?.data;
    if (!check.enabled) {
      if (alert)
        decisions.push({ action: 'Resolve', alertId: alert.id, data: check.data ?? alert.data });
      continue;
    }
    if (!check.reading || !data) continue;
    const current = alert?.level ?? 'OK';
    const rulesOf = { raiseAfter: check.raiseAfter, lowerAfter: rules.resolveAfter };
    // Memory kept by an older version, or lost, only delays a change by a poll or two.
    const recent = Array.isArray(previous[check.id]) ? previous[check.id] : [];
    const next = stepLevel(current, check.reading, recent, rulesOf);
    if (next.recent.length > 0) pending[check.id] = next.recent;
    if (next.level === current) continue;
    if (!alert) decisions.push({ action: 'Open', level: next.level as OpenLevel, target, data });
    else if (next.level === 'OK') decisions.push({ action: 'Resolve', alertId: alert.id, data });
    else {
      const [from, to] = [alert.level as OpenLevel, next.level as OpenLevel];
      decisions.push({ action: 'ChangeLevel', alertId: alert.id, from, to, data });
    }
  }
  return { decisions, pending };
}
