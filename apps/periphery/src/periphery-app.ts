import { Logger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { setUpPeripheryHttp } from './api/http-setup';
import type { PeripheryConfig } from './config';
import { PeripheryModule } from './periphery.module';
import { ensureCertificate, type AgentCertificate } from './tls/certificate';

export interface PeripheryApp {
  app: INestApplication;
  /** The base URL the agent answers on (`https://` when TLS is on). */
  url: string;
  /** The certificate served, when TLS is on: pin `certificateFingerprint(certificate.cert)`. */
  certificate?: AgentCertificate;
  close(): Promise<void>;
}

/**
 * Starts the agent: for `main.ts`, for the embedded Monitor's local agent, and for tests.
 * `logger` goes to Nest as for any app; refusals and failures are logged through it.
 */
export async function startPeriphery(
  config: PeripheryConfig,
  options: { logger?: false | LoggerService } = {},
): Promise<PeripheryApp> {
  const certificate = config.ssl_enabled ? await ensureCertificate(config) : undefined;
  const app = await NestFactory.create(PeripheryModule.forRoot(config), {
    bodyParser: false,
    // Shutdown must not wait on long requests (live feeds, a container stopping): end them.
    forceCloseConnections: true,
    ...(certificate ? { httpsOptions: { key: certificate.key, cert: certificate.cert } } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  // The given logger itself, not Nest's static Logger: several apps in one process (the embedded
  // Monitor, tests) would otherwise all log through whichever was created last.
  setUpPeripheryHttp(app, config, accessLogger(options.logger));
  await app.listen(config.port, config.bind_ip);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const host = urlHost(config.bind_ip);
  return {
    app,
    url: `${certificate ? 'https' : 'http'}://${host}:${port}`,
    certificate,
    close: () => app.close(),
  };
}

/** Where a local client reaches the agent: loopback for a wildcard bind. */
function urlHost(bindIp: string): string {
  if (bindIp === '0.0.0.0') return '127.0.0.1';
  if (bindIp === '::') return '[::1]';
  return bindIp.includes(':') ? `[${bindIp}]` : bindIp;
}

function accessLogger(logger: false | LoggerService | undefined): LoggerService {
  if (logger === false)
    return { log: () => undefined, error: () => undefined, warn: () => undefined };
  return logger ?? new Logger('Periphery');
}
