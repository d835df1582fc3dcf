import { alertKey, type AlertData, type AlertType } from './alert-data';
import { readFlag, readLevel, type LevelReading } from './hysteresis';
import type { OpenServerAlert, ServerHealthInput, ServerHealthRules } from './server-health';

/** One thing watched on the server. No reading: not observed this poll (agent unreachable). */
export interface Check {
  id: string;
  enabled: boolean;
  raiseAfter: number;
  reading?: LevelReading;
  data?: AlertData;
}

export const SERVER_ALERT_TYPES: AlertType[] = [
  'ServerUnreachable',
  'ServerCpu',
  'ServerMem',
  'ServerDisk',
];

export const checkId = (data: AlertData) =>
  alertKey(data) ? `${data.type}:${alertKey(data)}` : data.type;

/**
 * What to watch after this poll: unreachable, CPU, memory, each observed mount, and each mount
 * with an open alert that this poll did not report (gone, ignored, or not measured).
 */
export function checksOf(
  input: ServerHealthInput,
  rules: ServerHealthRules,
  open: Map<string, OpenServerAlert>,
): Check[] {
  const { server, observation } = input;
  const { config } = server;
  const { openAfter, unreachableAfter, margin } = rules;
  const ref = {
    id: server.id,
    name: server.name,
    ...(config.region ? { region: config.region } : {}),
  };
  const stats = observation.reachable ? observation.stats : undefined;
  const watching = config.stats_monitoring !== false;
  const checks: Check[] = [
    {
      id: 'ServerUnreachable',
      enabled: config.send_unreachable_alerts,
      raiseAfter: unreachableAfter,
      reading: readFlag(!observation.reachable, 'CRITICAL'),
      data: {
        type: 'ServerUnreachable',
        data: observation.reachable ? ref : { ...ref, err: observation.err },
      },
    },
  ];
  const cpu: Check = {
    id: 'ServerCpu',
    enabled: watching && config.send_cpu_alerts,
    raiseAfter: openAfter,
  };
  const mem: Check = {
    id: 'ServerMem',
    enabled: watching && config.send_mem_alerts,
    raiseAfter: openAfter,
  };
  if (stats) {
    cpu.reading = readLevel(stats.cpu_perc, config.cpu_warning, config.cpu_critical, margin);
    cpu.data = { type: 'ServerCpu', data: { ...ref, percentage: stats.cpu_perc } };
    const { mem_used_gb: used_gb, mem_total_gb: total_gb } = stats;
    if (total_gb > 0) {
      const perc = (used_gb / total_gb) * 100;
      mem.reading = readLevel(perc, config.mem_warning, config.mem_critical, margin);
      mem.data = { type: 'ServerMem', data: { ...ref, used_gb, total_gb } };
    }
  }
  checks.push(cpu, mem);
  const disks = new Map<string, Check>();
  const diskEnabled = watching && config.send_disk_alerts;
  for (const disk of stats?.disks ?? []) {
    if (config.ignore_mounts.includes(disk.mount) || !(disk.total_gb > 0)) continue;
    const perc = (disk.used_gb / disk.total_gb) * 100;
    const { mount: path, used_gb, total_gb } = disk;
    disks.set(`ServerDisk:${path}`, {
      id: `ServerDisk:${path}`,
      enabled: diskEnabled,
      raiseAfter: openAfter,
      reading: readLevel(perc, config.disk_warning, config.disk_critical, margin),
      data: { type: 'ServerDisk', data: { ...ref, path, used_gb, total_gb } },
    });
  }
  for (const [id, alert] of open) {
    if (alert.data.type !== 'ServerDisk' || disks.has(id)) continue;
    const ignored = config.ignore_mounts.includes(alert.data.data.path);
    // A mount gone from a successful poll counts as clear; while unreachable, unknown.
    const reading: LevelReading | undefined = stats ? readFlag(false, 'OK') : undefined;
    disks.set(id, { id, enabled: diskEnabled && !ignored, raiseAfter: openAfter, reading });
  }
  return [...checks, ...disks.values()];
}
