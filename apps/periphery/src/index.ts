export * from './config';
export * from './periphery-app';
export * from './periphery-services';
export {
  certificateFingerprint,
  ensureCertificate,
  type AgentCertificate,
} from './tls/certificate';
export { connectPinned } from '@monitor/agent-client';
export { PeripheryError, type PeripheryErrorCode } from './api/periphery-error';
export { PERIPHERY_VERSION } from './version';
