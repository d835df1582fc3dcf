/** Test helpers for the server health specs: polls played through the evaluator. */
import { defaultServerConfig } from '../server/server.config';
import { alertKey } from './alert-data';
import type { AlertDecision } from './alert-decision';
import {
  evaluateServerHealth,
  type OpenServerAlert,
  type ServerHealthConfig,
  type ServerHealthPending,
  type ServerHealthRules,
  type ServerObservation,
} from './server-health';

export type Disk = { mount: string; used_gb: number; total_gb: number };
/** One poll: an observation, and optionally the config as changed just before it. */
export type Poll = ServerObservation & { config?: Partial<ServerHealthConfig> };

export const server = { id: 's1', name: 'prod-1' };
export const up = (cpu: number, disks: Disk[] = [], mem = 1): Poll => ({
  reachable: true,
  stats: { cpu_perc: cpu, mem_used_gb: mem, mem_total_gb: 8, disks },
});
export const down = {
  reachable: false as const,
  err: { error: 'connection refused', trace: [] as string[] },
} satisfies Poll;
export const disk = (mount: string, perc: number): Disk => ({
  mount,
  used_gb: perc,
  total_gb: 100,
});
export const ups = (...cpus: number[]) => cpus.map((cpu) => up(cpu));

/** Plays polls through the evaluator as the alerter would, applying its decisions. */
export function play(polls: Poll[], rules?: Partial<ServerHealthRules>) {
  let config: ServerHealthConfig = defaultServerConfig();
  let pending: ServerHealthPending = {};
  const open = new Map<string, OpenServerAlert>();
  let opened = 0;
  const log = polls.map(({ config: change, ...observation }) => {
    config = { ...config, ...change };
    const input = { server: { ...server, config }, open: [...open.values()], pending, rules };
    const result = evaluateServerHealth({
      ...input,
      observation: observation as ServerObservation,
    });
    // The caller keeps the memory between polls; it must survive a JSON round trip.
    pending = JSON.parse(JSON.stringify(result.pending));
    return result.decisions.map((decision) => apply(decision)).join(', ') || '-';
  });
  return { log, opened, open };

  function apply(d: AlertDecision): string {
    if (d.action === 'Open') {
      const id = `${d.data.type}${alertKey(d.data) ? `:${alertKey(d.data)}` : ''}#${++opened}`;
      open.set(id, { id, level: d.level, data: d.data });
      return `open ${id} ${d.level}`;
    }
    if (d.action === 'Resolve') {
      open.delete(d.alertId);
      return `resolve ${d.alertId}`;
    }
    open.set(d.alertId, { id: d.alertId, level: d.to, data: d.data });
    return `${d.alertId} ${d.from}->${d.to}`;
  }
}
