import { AgentError } from './agent-error';
import { callAgent, type AgentAddress } from './agent-client';
import { generatePasskey, sealPasskey } from './passkey-seal';

/**
 * Replaces an agent's passkey with a fresh one (the agent's RotatePasskey) and answers it, to
 * be sealed into the Server's `passkey`: a launch's passkey stays readable in the provider's user
 * data, so it serves once. The new passkey goes sealed under the current one, never readable on
 * the wire. When the answer is lost (the connection dropped, a timeout, a 5xx), the agent is
 * asked which passkey it accepts now, the new one first; the call fails only when it still
 * accepts the old one, or answers neither: then the old passkey is the one to keep.
 */
export async function rotateAgentPasskey(
  agent: AgentAddress,
  timeoutMs = 10_000,
): Promise<{ passkey: string }> {
  const passkey = generatePasskey();
  const sealed_passkey = await sealPasskey(agent.passkey, passkey);
  try {
    await callAgent(agent, 'RotatePasskey', { sealed_passkey }, timeoutMs);
    return { passkey };
  } catch (error) {
    if (!mayHaveArrived(error)) throw error;
    if (await accepts({ ...agent, passkey }, timeoutMs)) return { passkey };
    throw error;
  }
}

/**
 * Whether the agent may have taken the rotation though the call failed: not when it refused
 * (a 4xx, before it changed anything), nor when the certificate was not the pinned one (nothing
 * was sent), nor when the call never started.
 */
function mayHaveArrived(error: unknown): boolean {
  if (!(error instanceof AgentError) || error.code === 'CERTIFICATE') return false;
  return error.status === undefined || error.status >= 500;
}

async function accepts(agent: AgentAddress, timeoutMs: number): Promise<boolean> {
  try {
    await callAgent(agent, 'GetHealth', {}, timeoutMs);
    return true;
  } catch (error) {
    if (error instanceof AgentError && error.code === 'REFUSED') return false;
    throw new AgentError(
      'UNREACHABLE',
      `the passkey rotation got no answer, nor did the agent answer since (${(error as Error).message}): ` +
        'keep the previous passkey and try again once the agent answers',
    );
  }
}
