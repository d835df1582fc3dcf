import { cpus } from 'node:os';
import type { Systeminformation } from 'systeminformation';
import type { SystemProcess } from '@monitor/contracts/agent';

type ListedProcess = Pick<
  Systeminformation.ProcessesProcessData,
  'pid' | 'name' | 'cpu' | 'memRss' | 'started' | 'command' | 'params' | 'path'
>;

/**
 * The host's processes, busiest first, as Komodo's periphery lists them (GetSystemProcesses).
 * The part that lists them loads with the first ask.
 */
export async function readSystemProcesses(): Promise<SystemProcess[]> {
  const { processes } = await import('systeminformation/lib/processes');
  const { list } = await processes();
  const cores = Math.max(cpus().length, 1);
  return list
    .map((listed) => toSystemProcess(listed, cores))
    .sort((a, b) => b.cpu_perc - a.cpu_perc);
}

/**
 * One process in Komodo's shape. systeminformation gives CPU as a share of the whole machine
 * (Komodo: of one core), memory in KiB, the start as local time, and the command line split
 * into executable and parameters; it measures no per-process disk rates, so they are 0.
 */
export function toSystemProcess(listed: ListedProcess, cores: number): SystemProcess {
  const exe = listed.path ? `${listed.path}/${listed.command}` : '';
  const started = Date.parse(listed.started.replace(' ', 'T'));
  return {
    pid: listed.pid,
    name: listed.name,
    exe,
    cmd: [exe || listed.command, ...listed.params.split(/\s+/)].filter(Boolean),
    ...(Number.isFinite(started) ? { start_time: started } : {}),
    cpu_perc: round2(listed.cpu * cores),
    mem_mb: round2(listed.memRss / 1024),
    disk_read_kb: 0,
    disk_write_kb: 0,
  };
}

const round2 = (value: number) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : 0);
