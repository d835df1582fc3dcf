import { randomUUID } from 'node:crypto';
import type { StatsHistory, SystemStatsRecord } from '../port';

/** What an adapter's spec hands the contract suite for each test. */
export interface ContractHistory {
  history: StatsHistory;
  cleanup: () => Promise<void>;
}

/** Makes a history whose pages count back from `now`. */
export type MakeHistory = (now: () => number) => Promise<ContractHistory>;

/**
 * The start of the current minute: records near the real time, since JetStream picks records
 * by the time NATS stored them (within `skewMs`). `now` is 2 s into it, so the minute, its
 * 5-second and 1-second buckets are the newest of their pages.
 */
export function clock(): { base: number; now: () => number } {
  const base = Math.floor(Date.now() / 60_000) * 60_000;
  return { base, now: () => base + 2000 };
}

export const serverId = (label = 'srv') => `${label}-${randomUUID().slice(0, 8)}`;

export function rec(ts: number, changes: Partial<SystemStatsRecord> = {}): SystemStatsRecord {
  return {
    ts,
    cpu_perc: 10,
    mem_used_gb: 2,
    mem_total_gb: 8,
    disk_used_gb: 40,
    disk_total_gb: 100,
    disks: [{ mount: '/', file_system: 'ext4', used_gb: 40, total_gb: 100 }],
    network_ingress_bytes: 1000,
    network_egress_bytes: 500,
    ...changes,
  };
}
