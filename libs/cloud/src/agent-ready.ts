import { AgentError, callAgent, type AgentAddress } from '@monitor/agent-client';
import { AGENT } from '@monitor/contracts/agent';
import { waitUntil, type WaitOptions } from './wait-until';

/** One GetVersion is short: the wait around it gives the agent its time to come up. */
const ASK_TIMEOUT_MS = 5_000;

/**
 * Waits until the agent at `agent` answers GetVersion, signed with its passkey; answers its
 * version and the address to use from now on, its TLS certificate pinned at this first contact.
 * A refused passkey is final: waiting would not change it.
 */
export async function waitForAgent(
  agent: AgentAddress,
  where: string,
  wait: WaitOptions,
): Promise<{ version: string; agent: AgentAddress }> {
  const answer = await waitUntil(
    () =>
      callAgent<{ version: string }>(
        agent,
        AGENT.GetVersion.name,
        {},
        Math.min(ASK_TIMEOUT_MS, wait.timeoutMs),
      ),
    (reason) => `the agent of ${where} did not answer${reason ? ` (last: ${reason})` : ''}`,
    { ...wait, isFinal: (error) => error instanceof AgentError && error.code === 'REFUSED' },
  );
  return {
    version: answer.body.version,
    agent: { ...agent, pinnedFingerprint: agent.pinnedFingerprint ?? answer.fingerprint },
  };
}
