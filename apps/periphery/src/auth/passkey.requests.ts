import { SEALED_PASSKEY } from '@monitor/agent-client';
import { AGENT } from '@monitor/contracts/agent';
import type { ProcessLogger } from '@monitor/process';
import * as v from 'valibot';
import { request, type RequestDefinition } from '../api/request-registry';
import type { AgentPasskeys } from './agent-passkeys';

const RotatePasskeyParams = v.strictObject({
  sealed_passkey: v.pipe(
    v.string(),
    v.regex(SEALED_PASSKEY, "must be a passkey sealed with @monitor/agent-client's sealPasskey"),
  ),
});

/**
 * RotatePasskey: the launch's passkey stays readable in the provider's user data, so once the
 * agent answers the core replaces it. The answer comes once the new passkey is kept on disk;
 * from then on only it is accepted.
 */
export function passkeyRequests(
  passkeys: AgentPasskeys,
  logger: Pick<ProcessLogger, 'log' | 'warn'>,
): RequestDefinition[] {
  return [
    request(AGENT.RotatePasskey, RotatePasskeyParams, async ({ sealed_passkey }) => {
      const warning = passkeys.replace(sealed_passkey);
      if (warning) logger.warn(`RotatePasskey: ${warning}`);
      logger.log(
        `the core replaced the passkey: now using ${passkeys.source}; the previous ones are refused`,
      );
      return {};
    }),
  ];
}
