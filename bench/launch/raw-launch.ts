import {
  generateAgentCertificate,
  generatePasskey,
  rotateAgentPasskey,
  type AgentAddress,
} from '@monitor/agent-client';
import {
  waitForAgent,
  waitForInstanceRunning,
  waitForServerRunning,
  type Ec2Instances,
  type HetznerClient,
  type WaitOptions,
} from '@monitor/cloud';
import {
  awsLaunchUserData,
  hetznerLaunchUserData,
  launchMark,
  type AwsServerTemplateConfig,
  type HetznerServerTemplateConfig,
} from '@monitor/domain';
import { awsLaunch } from '../../apps/deployer/src/server-templates/launch/aws-machines';
import { hetznerCreate } from '../../apps/deployer/src/server-templates/launch/hetzner-machines';

/** What the raw half has ready before its timed calls: the launch's passkey, pin and user data. */
export interface RawBoot {
  passkey: string;
  fingerprint?: string;
  userData: string;
}

export async function rawBoot(
  provider: 'Aws' | 'Hetzner',
  params: { port: number; use_https: boolean; user_data: string },
  serverName: string,
): Promise<RawBoot> {
  const passkey = generatePasskey();
  const certificate = params.use_https
    ? await generateAgentCertificate({ commonName: serverName })
    : undefined;
  const input = {
    userData: params.user_data,
    lookup: () => undefined,
    agent: {
      passkey,
      port: params.port,
      ...(certificate ? { tls: { key: certificate.keyPem, cert: certificate.certPem } } : {}),
    },
  };
  const rendered = provider === 'Aws' ? awsLaunchUserData(input) : hetznerLaunchUserData(input);
  return {
    passkey,
    ...(certificate ? { fingerprint: certificate.fingerprint256 } : {}),
    userData: rendered.text,
  };
}

/** The launched machine's agent, as LaunchServer reaches it: the pinned certificate with https. */
function agentAt(ip: string, params: { port: number; use_https: boolean }, boot: RawBoot) {
  const agent: AgentAddress = {
    address: `${params.use_https ? 'https' : 'http'}://${ip}:${params.port}`,
    passkey: boot.passkey,
    insecureTls: params.use_https,
    ...(boot.fingerprint ? { pinnedFingerprint: boot.fingerprint } : {}),
  };
  return agent;
}

/** The agent answers GetVersion (waited for as the launch waits), then its passkey is rotated. */
async function agentUp(agent: AgentAddress, wait: WaitOptions): Promise<void> {
  await waitForAgent(agent, agent.address, wait);
  await rotateAgentPasskey(agent);
}

/**
 * The provider and agent calls of one EC2 launch, nothing else: RunInstances (the same body
 * LaunchServer sends), DescribeInstances until running, GetVersion, RotatePasskey. Answers the
 * instance id, for its termination outside the timing.
 */
export async function rawAwsLaunch(
  ec2: Ec2Instances,
  params: AwsServerTemplateConfig,
  serverName: string,
  updateId: string,
  boot: RawBoot,
  wait: WaitOptions,
): Promise<string> {
  const id = await ec2.launch(awsLaunch(params, serverName, updateId, boot.userData));
  const { ip } = await waitForInstanceRunning(ec2, id, params.use_public_ip, wait);
  await agentUp(agentAt(ip, params, boot), wait);
  return id;
}

/** The same for Hetzner: POST /servers, GET /servers/<id> until running, then the agent. */
export async function rawHetznerLaunch(
  hetzner: HetznerClient,
  params: HetznerServerTemplateConfig,
  serverName: string,
  updateId: string,
  boot: RawBoot,
  wait: WaitOptions,
): Promise<number> {
  const label = launchMark(updateId).hetznerLabel;
  const created = await hetzner.createServer(
    hetznerCreate(params, serverName, label, [], boot.userData),
  );
  const id = created.server.id;
  const { ip } = await waitForServerRunning(hetzner, id, params.use_public_ip, wait);
  await agentUp(agentAt(ip, params, boot), wait);
  return id;
}
