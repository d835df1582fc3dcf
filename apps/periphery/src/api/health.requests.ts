import { AGENT } from '@monitor/contracts/agent';
import { PERIPHERY_VERSION } from '../version';
import { NO_PARAMS } from './params';
import { request, type RequestDefinition } from './request-registry';

/** What the core polls to tell whether the agent is up, and which version it runs. */
export function healthRequests(): RequestDefinition[] {
  return [
    request(AGENT.GetHealth, NO_PARAMS, async () => ({})),
    request(AGENT.GetVersion, NO_PARAMS, async () => ({ version: PERIPHERY_VERSION })),
  ];
}
