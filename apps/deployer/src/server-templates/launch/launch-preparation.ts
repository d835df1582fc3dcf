import { generateAgentCertificate, generatePasskey } from '@monitor/agent-client';
import {
  awsLaunchUserData,
  checkLaunchable,
  conflict,
  hetznerLaunchUserData,
  type ServerTemplateConfig,
  type VariableValue,
} from '@monitor/domain';
import type { ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { LaunchCredentials, LaunchCredentialsResolver } from './launch-credentials';

/** What a launch has ready before its first cloud call. */
export interface PreparedLaunch {
  credentials: LaunchCredentials;
  /** The single-use passkey written into the user data. */
  passkey: string;
  /** With https: the agent's certificate's fingerprint, the Server's pin from the start. */
  fingerprint?: string;
  userData: string;
  log: string;
}

/**
 * Everything that can fail without spending anything, in order: the template is launchable,
 * the Server name is free, the credentials exist, a passkey and (https) a key pair are made and
 * masked, the user data renders (variables known, under the provider's limit).
 */
export async function prepareLaunch(
  config: ServerTemplateConfig,
  serverName: string,
  ctx: ExecutionContext,
  deps: {
    readModel: ReadModel;
    credentials: LaunchCredentialsResolver;
    lookup: (name: string) => VariableValue | undefined;
  },
): Promise<PreparedLaunch> {
  checkLaunchable(config);
  if (deps.readModel.resource('Server', serverName))
    throw conflict(`a Server named '${serverName}' exists: choose another name`, {
      field: 'name',
    });
  const credentials = deps.credentials.resolve(config);
  credentials.secrets.forEach((secret) => ctx.secret(secret));
  const passkey = generatePasskey();
  ctx.secret(passkey);
  const p = config.params;
  const certificate = p.use_https
    ? await generateAgentCertificate({ commonName: serverName })
    : undefined;
  if (certificate) ctx.secret(certificate.keyPem);
  const input = {
    userData: p.user_data,
    lookup: deps.lookup,
    agent: {
      passkey,
      port: p.port,
      ...(certificate ? { tls: { key: certificate.keyPem, cert: certificate.certPem } } : {}),
    },
  };
  const rendered = config.type === 'Aws' ? awsLaunchUserData(input) : hetznerLaunchUserData(input);
  rendered.secrets.forEach((secret) => ctx.secret(secret));
  const log = [
    `credentials: ${p.cloud_account ? `cloud account '${p.cloud_account}'` : `the core config's [${config.type.toLowerCase()}]`}`,
    'passkey: generated for this launch only; replaced as soon as the agent answers',
    certificate
      ? `certificate fingerprint (the Server's pin): ${certificate.fingerprint256}`
      : 'https: off',
    `user data: ${Buffer.byteLength(rendered.text)} bytes`,
  ].join('\n');
  return {
    credentials,
    passkey,
    ...(certificate ? { fingerprint: certificate.fingerprint256 } : {}),
    userData: rendered.text,
    log,
  };
}
