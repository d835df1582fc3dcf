import { hostname } from 'node:os';
import type { MonitorConfig } from '@monitor/config';

/**
 * The name this process goes by on the runs it drives, the ticks it claims and the start-up
 * generation it joins (`[procedures] replica`, or its host and process id): one name for all
 * three, so that what one records of this replica the others recognise.
 */
export const replicaName = (config: MonitorConfig): string =>
  config.procedures.replica || `${hostname()}:${process.pid}`;
