import './small-footprint';
import { consoleLogger, runMain } from '@monitor/process';
import { loadPeripheryConfig } from './config';
import { startPeriphery } from './periphery-app';
import { certificateFingerprint } from './tls/certificate';

/** The agent on a managed host: `node dist/apps/periphery/src/main.js`. */
runMain(async () => {
  const config = loadPeripheryConfig();
  const logger = consoleLogger('Periphery', config.log_level);
  const periphery = await startPeriphery(config, { logger });
  const stop = async () => {
    await periphery.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  const certificate = periphery.certificate;
  const tls = certificate
    ? `TLS on, certificate ${certificate.certFile}${certificate.generated ? ' (generated now)' : ''}, ` +
      `SHA-256 fingerprint ${certificateFingerprint(certificate.cert)}`
    : 'TLS off';
  logger.log(
    `Periphery agent is listening on ${periphery.url} (bound to ${config.bind_ip}); ${tls}`,
  );
});
