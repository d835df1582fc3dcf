import { loadavg, networkInterfaces } from 'node:os';
import { currentLoad } from 'systeminformation/lib/cpu';
import { fsSize } from 'systeminformation/lib/filesystem';
import { mem as memory } from 'systeminformation/lib/memory';
import { networkStats } from 'systeminformation/lib/network';
import type { RawSample } from './stats-sample';

/**
 * One reading of the host through systeminformation. `currentLoad` measures CPU use since its
 * previous call (its first call waits a moment to have two points), so sampling on a fixed
 * rate gives the CPU use over each interval.
 */
export async function readSample(): Promise<RawSample> {
  // Listed here, not with systeminformation's '*': it lists them in a callback of its own, where
  // a failure (no file descriptor left) is thrown past every caller and ends the process.
  const interfaces = Object.keys(networkInterfaces());
  const [load, mem, disks, network] = await Promise.all([
    currentLoad(),
    memory(),
    fsSize(),
    interfaces.length ? networkStats(interfaces.join(',')) : [],
  ]);
  const [one, five, fifteen] = loadavg();
  return {
    at: Date.now(),
    cpuPerc: load.currentLoad,
    load: [round2(one), round2(five), round2(fifteen)],
    mem: {
      total: mem.total,
      free: mem.free,
      available: mem.available,
      buffcache: mem.buffcache,
      swaptotal: mem.swaptotal,
      swapused: mem.swapused,
    },
    disks: disks.map((d) => ({
      fs: d.fs,
      type: d.type,
      mount: d.mount,
      size: d.size,
      used: d.used,
    })),
    network: network.map((n) => ({ iface: n.iface, rx_bytes: n.rx_bytes, tx_bytes: n.tx_bytes })),
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
