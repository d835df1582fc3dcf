import { binarySize, decimalSize, toContainerStats } from './container-stats';

describe('container stats as docker stats prints them', () => {
  it('formats sizes like go-units', () => {
    expect(binarySize(0)).toBe('0B');
    expect(binarySize(561152)).toBe('548KiB');
    expect(binarySize(2_073_000)).toBe('1.977MiB');
    expect(binarySize(25276063744)).toBe('23.54GiB');
    expect(decimalSize(0)).toBe('0B');
    expect(decimalSize(486)).toBe('486B');
    expect(decimalSize(1234)).toBe('1.23kB');
    expect(decimalSize(1_500_000)).toBe('1.5MB');
  });

  it('computes CPU from the two samples, memory without the inactive cache', () => {
    const stats = toContainerStats('web', {
      cpu_stats: { cpu_usage: { total_usage: 300 }, system_cpu_usage: 2000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 100 }, system_cpu_usage: 1000 },
      memory_stats: {
        usage: 3 * 1024 * 1024,
        limit: 8 * 1024 * 1024,
        stats: { total_inactive_file: 1024 * 1024 },
      },
      networks: { eth0: { rx_bytes: 1000, tx_bytes: 10 }, eth1: { rx_bytes: 234, tx_bytes: 0 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'Read', value: 2048 },
          { op: 'Write', value: 1_000_000 },
          { op: 'Total', value: 1_002_048 },
        ],
      },
      pids_stats: { current: 3 },
    });
    expect(stats).toEqual({
      name: 'web',
      cpu_perc: '40.00%',
      mem_perc: '25.00%',
      mem_usage: '2MiB / 8MiB',
      net_io: '1.23kB / 10B',
      block_io: '2.05kB / 1MB',
      pids: '3',
    });
  });

  it('answers zeros for a container that is not running', () => {
    expect(toContainerStats('idle', { memory_stats: {}, pids_stats: {} })).toEqual({
      name: 'idle',
      cpu_perc: '0.00%',
      mem_perc: '0.00%',
      mem_usage: '0B / 0B',
      net_io: '0B / 0B',
      block_io: '0B / 0B',
      pids: '0',
    });
  });

  it('reads cgroup v2 inactive_file too', () => {
    const stats = toContainerStats('v2', {
      memory_stats: { usage: 4096, limit: 8192, stats: { inactive_file: 2048 } },
    });
    expect(stats.mem_usage).toBe('2KiB / 8KiB');
    expect(stats.mem_perc).toBe('25.00%');
  });
});
