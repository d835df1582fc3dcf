import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessLogger } from '@monitor/process';
import { freePort } from '@monitor/testing';
import { CapturingLogger } from '../../../../test/support/capturing-logger';
import { peripheryConfig, type PeripheryConfig } from '../config';
import { startPeriphery, type PeripheryApp } from '../periphery-app';
import { callAgent, type AgentAnswer } from './call-agent';

export const TEST_PASSKEY = 'test-passkey';

export interface TestAgent extends PeripheryApp {
  config: PeripheryConfig;
  /** What the agent logged (unless another logger was given). */
  logger: CapturingLogger;
  /** `POST /` signed with the test passkey, as the core signs it. */
  call<T = unknown>(type: string, params?: unknown): Promise<AgentAnswer<T>>;
}

/** An agent on 127.0.0.1 and a free port, passkey 'test-passkey', files in a temp folder. */
export async function startTestAgent(
  overrides: Partial<PeripheryConfig> = {},
  options: { logger?: ProcessLogger } = {},
): Promise<TestAgent> {
  const ownDirectory = overrides.root_directory
    ? undefined
    : mkdtempSync(join(tmpdir(), 'periphery-test-'));
  const config = peripheryConfig({
    port: await freePort(),
    bind_ip: '127.0.0.1',
    passkeys: [TEST_PASSKEY],
    root_directory: ownDirectory,
    ...overrides,
  });
  const logger = new CapturingLogger();
  const app = await startPeriphery(config, { logger: options.logger ?? logger });
  return {
    ...app,
    config,
    logger,
    // The folder may hold a generated private key: it goes with the agent.
    close: async () => {
      await app.close();
      if (ownDirectory) rmSync(ownDirectory, { recursive: true, force: true });
    },
    call: (type, params) => callAgent(app.url, type, params, { passkey: TEST_PASSKEY }),
  };
}
