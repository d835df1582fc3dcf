import {
  consoleLogger,
  limitConnections,
  SILENT_LOGGER,
  type ProcessLogger,
} from '@monitor/process';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AGENT_LIMITS } from './api/agent-limits';
import { createHttpHandler } from './api/http-handler';
import { createAccessCheck } from './auth/access-check';
import { AgentPasskeys } from './auth/agent-passkeys';
import type { PeripheryConfig } from './config';
import { createPeripheryServices } from './periphery-services';
import { ensureCertificate, type AgentCertificate } from './tls/certificate';

export interface PeripheryApp {
  /** The base URL the agent answers on (`https://` when TLS is on). */
  url: string;
  /** The certificate served, when TLS is on: pin `certificateFingerprint(certificate.cert)`. */
  certificate?: AgentCertificate;
  close(): Promise<void>;
}

/**
 * Starts the agent: for `main.ts`, for the embedded Monitor's local agent, and for tests.
 * Refusals and failures are logged through `logger` (a Nest LoggerService fits; `false` is
 * silent; by default the console). The agent is a plain Node HTTP(S) server: no framework.
 */
export async function startPeriphery(
  config: PeripheryConfig,
  options: { logger?: false | ProcessLogger } = {},
): Promise<PeripheryApp> {
  const logger =
    options.logger === false ? SILENT_LOGGER : (options.logger ?? consoleLogger('Periphery'));
  const certificate = config.ssl_enabled ? await ensureCertificate(config) : undefined;
  const passkeys = AgentPasskeys.load(config);
  if (passkeys.empty)
    logger.warn('no passkey: anyone who reaches this port may use the agent (allow_no_passkey)');
  else logger.log(`requests are checked against ${passkeys.source}`);
  const services = createPeripheryServices(config, logger, passkeys);
  const access = createAccessCheck(config, logger, passkeys);
  const handler = createHttpHandler(services.registry, access, logger);
  const server: Server = certificate
    ? createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler)
    : createHttpServer(handler);
  limitConnections(server, AGENT_LIMITS, logger);
  services.sampler.start();
  try {
    await listen(server, config.port, config.bind_ip);
  } catch (error) {
    services.sampler.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `${certificate ? 'https' : 'http'}://${urlHost(config.bind_ip)}:${port}`,
    certificate,
    close: async () => {
      services.sampler.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Shutdown must not wait on long requests (live feeds, a container stopping): end them.
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Where a local client reaches the agent: loopback for a wildcard bind. */
function urlHost(bindIp: string): string {
  if (bindIp === '0.0.0.0') return '127.0.0.1';
  if (bindIp === '::') return '[::1]';
  return bindIp.includes(':') ? `[${bindIp}]` : bindIp;
}
