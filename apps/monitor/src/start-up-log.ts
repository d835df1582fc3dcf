import { Logger } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { Runtime } from '@monitor/runtime';
import { resolve } from 'node:path';
import type { PeripheryApp } from '../../periphery/src';
import { MONITOR_VERSION } from '../../gateway/src/version';
import { LOCAL_SERVER } from './local-agent';

/**
 * What someone starting Monitor needs to read, in a few lines: which version answers where,
 * where its data is, and how the local agent is.
 */
export function logStart(
  config: MonitorConfig,
  url: string,
  runtime: Runtime,
  local: { agent: PeripheryApp; serverId: string } | undefined,
): void {
  const logger = new Logger('Monitor');
  logger.log(`Monitor ${MONITOR_VERSION} is listening on ${url}`);
  logger.log(`data folder ${resolve(config.data_dir)}, event store ${config.event_store.kind}`);
  if (!local) return logger.log('local agent off (local_agent.enabled = false)');
  const status = runtime.readModel.serverStatus.status(local.serverId);
  const state = status
    ? `${status.state}${status.reason ? `: ${status.reason}` : ''}`
    : 'not polled (monitoring off)';
  logger.log(`local agent on ${local.agent.url}, Server '${LOCAL_SERVER}' ${state}`);
}
