import { AGENT, EmptyDto } from '@monitor/contracts';
import { PERIPHERY_VERSION } from '../version';
import { request, type RequestDefinition } from './request-registry';

/** What the core polls to tell whether the agent is up, and which version it runs. */
export function healthRequests(): RequestDefinition<never>[] {
  return [
    request(AGENT.GetHealth, EmptyDto, async () => ({})),
    request(AGENT.GetVersion, EmptyDto, async () => ({ version: PERIPHERY_VERSION })),
  ];
}
