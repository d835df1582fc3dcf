import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import {
  BUSYBOX_TEST_IMAGE,
  ensureBusyboxImage,
  removeContainers,
  startTestContainer,
} from '@monitor/testing';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type { Log } from './docker-shapes';

const SOCKET = '/var/run/docker.sock';
const SLEEPER = ['sh', '-c', "trap 'exit 0' TERM; while :; do sleep 0.2; done"];

/** The agent acts for a Deployment or a Stack only on containers labelled with its id. */
describe('owner labels (real engine)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const testLabels = { 'monitor-test-run': run };
  const name = (what: string) => `periphery-owner-${run}-${what}`;
  const mine = { kind: 'Deployment', id: `dep-${run}` };
  let agent: TestAgent;

  const container = (what: string, labels: Record<string, string>) =>
    startTestContainer(docker, {
      name: name(what),
      cmd: SLEEPER,
      labels: { ...testLabels, ...labels },
    });
  const idOf = async (what: string) => (await docker.getContainer(name(what)).inspect()).Id;
  const running = async (what: string) =>
    (await docker.getContainer(name(what)).inspect()).State.Running;

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    agent = await startTestAgent({ docker_socket: SOCKET });
    await container('own', { 'monitor.deployment': mine.id });
    await container('other', { 'monitor.deployment': 'someone-else' });
    await container('stacked', { 'monitor.stack': 'stack-9' });
    await container('by-hand', {});
  }, 30_000);

  afterAll(async () => {
    await removeContainers(docker, testLabels);
    await agent?.close();
  });

  it("refuses to stop, remove, read or inspect a container that is not the owner's, naming whose it is", async () => {
    const cases = [
      ['other', "is not this deployment's: it belongs to deployment someone-else"],
      ['stacked', "is not this deployment's: it belongs to stack stack-9"],
      [
        'by-hand',
        "is not this deployment's: it has no Monitor label (monitor.deployment or monitor.stack), so Monitor did not make it and does not touch it",
      ],
    ];
    for (const [what, why] of cases) {
      const before = await idOf(what);
      for (const type of [
        'StopContainer',
        'RemoveContainer',
        'PauseContainer',
        'RestartContainer',
      ]) {
        const answer = await agent.call<Log>(type, { name: name(what), owner: mine });
        expect(answer.body).toMatchObject({ success: false });
        expect(answer.body.stderr).toBe(`container '${name(what)}' ${why}`);
      }
      const reads: [string, object][] = [
        ['GetContainerLog', { name: name(what), owner: mine }],
        ['InspectContainer', { name: name(what), owner: mine }],
        ['GetContainerStats', { name: name(what), owner: mine }],
        ['CheckImageUpdate', { container: name(what), image: BUSYBOX_TEST_IMAGE, owner: mine }],
      ];
      for (const [type, params] of reads) {
        const answer = await agent.call<{ error: string }>(type, params);
        expect(answer.status).toBe(409);
        expect(answer.body.error).toContain(why);
      }
      expect(await idOf(what)).toBe(before);
      expect(await running(what)).toBe(true);
    }
  });

  it("acts on the owner's own container, and on any when no owner is named (the server's own)", async () => {
    const stopped = await agent.call<Log>('StopContainer', { name: name('own'), owner: mine });
    expect(stopped.body).toMatchObject({ success: true });
    expect(
      (await agent.call<Log>('StartContainer', { name: name('own'), owner: mine })).body,
    ).toMatchObject({
      success: true,
    });
    expect((await agent.call('GetContainerLog', { name: name('by-hand') })).status).toBe(200);
  });

  it("never replaces another's container in a deploy, and labels the new one as the owner's", async () => {
    const spec = {
      env: [],
      exposedPorts: {},
      portBindings: {},
      binds: [],
      labels: testLabels,
      networkMode: 'none',
      restartPolicy: { Name: 'no' },
      cmd: SLEEPER,
    };
    for (const what of ['other', 'by-hand']) {
      const before = await idOf(what);
      const answer = await agent.call<{ success: boolean; logs: Log[] }>('DeployContainer', {
        name: name(what),
        image: BUSYBOX_TEST_IMAGE,
        spec,
        owner: mine,
      });
      expect(answer.body.success).toBe(false);
      expect(answer.body.logs[0].stderr).toContain(
        `container '${name(what)}' is not this deployment's`,
      );
      expect(await idOf(what)).toBe(before);
      expect(await running(what)).toBe(true);
    }
    const refused = await agent.call<{ error: string }>('DeployContainer', {
      name: name('fresh'),
      image: BUSYBOX_TEST_IMAGE,
      spec: { ...spec, labels: { ...testLabels, 'com.docker.compose.project': 'victim' } },
      owner: mine,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain("'com.docker.compose.project'");

    const joinByHand = await agent.call<{ success: boolean; logs: Log[] }>('DeployContainer', {
      name: name('joiner'),
      image: BUSYBOX_TEST_IMAGE,
      spec: { ...spec, networkMode: `container:${name('by-hand')}` },
      owner: mine,
    });
    expect(joinByHand.body.success).toBe(false);
    expect(joinByHand.body.logs[0].stderr).toContain("is not a Deployment's");

    const joinWrong = await agent.call<{ success: boolean; logs: Log[] }>('DeployContainer', {
      name: name('joiner'),
      image: BUSYBOX_TEST_IMAGE,
      spec: { ...spec, networkMode: `container:${name('other')}` },
      owner: mine,
      joined_deployment: 'the-one-checked',
    });
    expect(joinWrong.body.success).toBe(false);
    expect(joinWrong.body.logs[0].stderr).toContain(
      `network: container '${name('other')}' is not this deployment's: it belongs to deployment someone-else`,
    );

    const deployed = await agent.call<{ success: boolean }>('DeployContainer', {
      name: name('own'),
      image: BUSYBOX_TEST_IMAGE,
      spec: { ...spec, networkMode: `container:${name('other')}` },
      owner: mine,
      joined_deployment: 'someone-else',
    });
    expect(deployed.body.success).toBe(true);
    const labels = (await docker.getContainer(name('own')).inspect()).Config.Labels;
    expect(labels['monitor.deployment']).toBe(mine.id);
  }, 60_000);
});
