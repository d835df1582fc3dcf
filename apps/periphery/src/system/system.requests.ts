import { AGENT, type SystemInformation } from '@monitor/contracts/agent';
import { NO_PARAMS } from '../api/params';
import { request, type RequestDefinition } from '../api/request-registry';
import type { StatsSampler } from './stats-sampler';
import { readSystemInformation } from './system-info';
import { readSystemProcesses } from './system-processes';

/** GetSystemInformation, GetSystemStats and GetSystemProcesses. */
export function systemRequests(sampler: StatsSampler): RequestDefinition[] {
  /** The host's identity does not change while the agent runs: read it once. */
  let information: Promise<SystemInformation> | undefined;
  return [
    request(AGENT.GetSystemInformation, NO_PARAMS, () => {
      information ??= readSystemInformation().catch((error: unknown) => {
        information = undefined; // a failed read is tried again next time
        throw error;
      });
      return information;
    }),
    request(AGENT.GetSystemStats, NO_PARAMS, () => sampler.current()),
    request(AGENT.GetSystemProcesses, NO_PARAMS, () => readSystemProcesses()),
  ];
}
