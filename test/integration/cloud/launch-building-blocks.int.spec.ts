import { randomBytes } from 'node:crypto';
import {
  deleteHetznerServer,
  Ec2Instances,
  HetznerClient,
  HetznerUnreachable,
  terminateEc2Instance,
  waitForAgent,
  waitForAction,
  waitForInstanceRunning,
  waitForServerRunning,
} from '@monitor/cloud';
import { awsLaunchUserData, hetznerLaunchUserData, launchMark } from '@monitor/domain';
import { agentBootOf, FakeEc2, FakeHetzner, freePort } from '@monitor/testing';
import { startTestAgent, type TestAgent } from '../../../apps/periphery/src/testing/test-agent';

/*
 * The parts a ServerTemplate launch is made of, in the order it calls them, against the fake
 * clouds: user data from the domain, the provider's create marked by the Update id, the wait for
 * running, a real agent started from the decoded user data, the wait for that agent, the
 * cleanup. The LaunchServer execution (next) puts them behind the gateway.
 */
const WAIT = { timeoutMs: 10_000, intervalMs: 25, maxIntervalMs: 200 };
const lookup = () => undefined;

describe('the launch building blocks, against the fake clouds, up to a real agent', () => {
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.close()));
  });

  /** Starts the agent the user data configures, on 127.0.0.1, as a booting machine would. */
  const startAgentFrom = async (userData: string) => {
    const boot = agentBootOf(userData);
    agents.push(await startTestAgent({ port: boot.port, passkeys: [boot.passkey] }));
  };

  const newLaunch = async () => {
    const updateId = randomBytes(12).toString('hex');
    const agent = { passkey: randomBytes(24).toString('base64url'), port: await freePort() };
    return { updateId, mark: launchMark(updateId), agent };
  };

  it('EC2: launches once (even through a dropped connection), reaches the agent, terminates', async () => {
    const fake = await FakeEc2.start({ runningAfterMs: 100, accessKeyId: 'AKIALAUNCH' });
    fake.onRunning((instance) => startAgentFrom(instance.userData));
    const account = {
      access_key_id: 'AKIALAUNCH',
      secret_access_key: 's3cret',
      endpoint: fake.endpoint,
    };
    const connect = () => Ec2Instances.connect(account, 'eu-west-3');
    const ec2 = await connect();
    try {
      const { mark, agent } = await newLaunch();
      const { text } = awsLaunchUserData({ userData: '#!/bin/sh\necho ready\n', lookup, agent });
      fake.dropConnectionAfterNextRun();
      const id = await ec2.launch({
        name: 'web-1',
        amiId: 'ami-0123456789abcdef0',
        instanceType: 't3.small',
        securityGroupIds: ['sg-0aaa1111'],
        assignPublicIp: false,
        volumes: [{ deviceName: '/dev/sda1', sizeGb: 20, volumeType: 'gp3' }],
        userData: text,
        clientToken: mark.clientToken,
      });
      expect(fake.runningInstances().map((i) => i.id)).toEqual([id]);
      expect((await ec2.findByClientToken(mark.clientToken))?.id).toBe(id);
      const { ip } = await waitForInstanceRunning(ec2, id, false, WAIT);
      const answered = await waitForAgent(
        { address: `http://${ip}:${agent.port}`, passkey: agent.passkey, insecureTls: false },
        `instance ${id}`,
        WAIT,
      );
      expect(answered.version).toMatch(/\d/);
      expect(await terminateEc2Instance(connect, id)).toBe('shutting-down');
      expect(fake.runningInstances()).toEqual([]);
    } finally {
      ec2.close();
      await fake.close();
    }
  });

  it('Hetzner: finds its server by label after an unclear create, reaches the agent, deletes all', async () => {
    const fake = await FakeHetzner.start({ runningAfterMs: 100, actionMs: 20 });
    fake.onRunning((server) => startAgentFrom(server.userData));
    const hetzner = new HetznerClient({ token: fake.token, baseUrl: fake.baseUrl });
    try {
      const { mark, agent } = await newLaunch();
      const labels = { [mark.hetznerLabel.key]: mark.hetznerLabel.value };
      const { text } = hetznerLaunchUserData({ userData: '', lookup, agent });
      const { volume } = await hetznerLaunchVolume(hetzner, labels);
      fake.dropConnectionAfterNext('createServer');
      const unclear = await hetzner
        .createServer({
          name: 'web-1',
          server_type: 'cx22',
          image: 'ubuntu-24.04',
          location: 'fsn1',
          labels,
          volumes: [volume.id],
          user_data: text,
        })
        .catch((error: unknown) => error);
      expect(unclear).toBeInstanceOf(HetznerUnreachable);
      const found = await hetzner.listServers(
        `${mark.hetznerLabel.key}==${mark.hetznerLabel.value}`,
      );
      expect(found.map((s) => s.name)).toEqual(['web-1']);
      const { ip } = await waitForServerRunning(hetzner, found[0].id, true, WAIT);
      const answered = await waitForAgent(
        { address: `http://${ip}:${agent.port}`, passkey: agent.passkey, insecureTls: false },
        `server ${found[0].id}`,
        WAIT,
      );
      expect(answered.version).toMatch(/\d/);
      await deleteHetznerServer(hetzner, found[0].id, [volume.id], WAIT);
      expect(fake.runningServers()).toEqual([]);
      expect(fake.volumes()).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});

/** A template's volume, created before the server (as Komodo) and waited for. */
async function hetznerLaunchVolume(hetzner: HetznerClient, labels: Record<string, string>) {
  const created = await hetzner.createVolume({
    name: 'data-1',
    size: 10,
    location: 'fsn1',
    labels,
  });
  await waitForAction(hetzner, created.action.id, WAIT);
  return created;
}
