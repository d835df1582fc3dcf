/** Komodo's SystemInformation (GetSystemInformation). */
export interface SystemInformation {
  name?: string;
  os?: string;
  kernel?: string;
  core_count?: number;
  logical_core_count?: number;
  host_name?: string;
  cpu_brand?: string;
  cpu_arch?: string;
}

/** Komodo's SingleDiskUsage. */
export interface DiskUsage {
  mount: string;
  file_system: string;
  used_gb: number;
  total_gb: number;
}

/** Komodo's SystemStats (GetSystemStats). Network figures are bytes per second. */
export interface SystemStats {
  cpu_perc: number;
  load_average: { one: number; five: number; fifteen: number };
  mem_free_gb: number;
  mem_used_gb: number;
  mem_total_gb: number;
  mem_buff_cache_gb: number;
  swap_total_gb: number;
  swap_used_gb: number;
  disks: DiskUsage[];
  network_ingress_bytes: number;
  network_egress_bytes: number;
  /** Komodo's Timelength of the sampling rate, when the rate is one of its values. */
  polling_rate?: string;
  /** When the stats were sampled (ms since the epoch). */
  refresh_ts: number;
  refresh_list_ts: number;
}

/** Komodo's SystemProcess (ListSystemProcesses). CPU in core-percent: 100 is one whole core. */
export interface SystemProcess {
  pid: number;
  name: string;
  exe?: string;
  cmd: string[];
  /** When it started (ms since the epoch). */
  start_time?: number;
  cpu_perc: number;
  mem_mb: number;
  disk_read_kb: number;
  disk_write_kb: number;
}
