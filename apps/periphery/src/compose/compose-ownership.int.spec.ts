import Dockerode from 'dockerode';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from '@monitor/testing';
import type { Log } from '../docker/docker-shapes';
import { startTestAgent, type TestAgent } from '../testing/test-agent';

const SOCKET = '/var/run/docker.sock';
const COMPOSE = `services:
  web:
    image: ${BUSYBOX_TEST_IMAGE}
    network_mode: none
    command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done"]
`;

/** A stack's compose commands act only on a project whose containers are labelled as its own. */
describe('compose project ownership (real docker-compose)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const projects: string[] = [];
  const handMade = mkdtempSync(join(tmpdir(), 'monitor-hand-made-'));
  let agent: TestAgent;

  const target = (stack: string, project: string) => {
    projects.push(project);
    return { stack: `${stack}-${run}`, project, files: ['compose.yaml'] };
  };
  const write = (stack: string) =>
    agent.call('WriteComposeFiles', {
      stack,
      files: [{ path: 'compose.yaml', contents: COMPOSE }],
    });
  const containers = async (project: string) =>
    (
      await docker.listContainers({
        all: true,
        filters: { label: [`com.docker.compose.project=${project}`] },
      })
    ).map((c) => ({ id: c.Id, state: c.State, labels: c.Labels }));

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    agent = await startTestAgent({ docker_socket: SOCKET });
  }, 30_000);

  afterAll(async () => {
    for (const project of projects) {
      for (const c of await containers(project))
        await docker.getContainer(c.id).remove({ force: true });
    }
    rmSync(handMade, { recursive: true, force: true });
    await agent?.close();
  }, 60_000);

  it("labels a stack's containers and refuses another stack's commands on its project", async () => {
    const project = `monitor-test-owned-${run}`;
    const victim = target('victim', project);
    await write(victim.stack);
    const up = await agent.call<{ success: boolean }>('ComposeUp', victim);
    expect(up.body.success).toBe(true);
    const before = await containers(project);
    expect(before.map((c) => c.labels['monitor.stack'])).toEqual([victim.stack]);

    const attacker = target('attacker', project);
    await write(attacker.stack);
    const why = `compose project '${project}': container '${project}_web_1' is not this stack's: it belongs to stack ${victim.stack}`;
    for (const [type, params] of [
      ['ComposeDown', attacker],
      ['ComposeUp', attacker],
      ['ComposeStop', attacker],
      ['ComposePs', attacker],
      ['GetComposeLog', { project, stack: attacker.stack }],
    ] as const) {
      const answer = await agent.call<{ error: string }>(type, params);
      expect(answer.status).toBe(409);
      expect(answer.body.error).toBe(why);
    }
    expect(await containers(project)).toEqual(before);
    expect(before[0].state).toBe('running');

    const down = await agent.call<Log>('ComposeDown', victim);
    expect(down.body.success).toBe(true);
    expect(await containers(project)).toEqual([]);
  }, 60_000);

  it("refuses a stack reaching into a container that is not its own, or setting owners' labels", async () => {
    const byHand = `monitor-test-reached-${run}`;
    await docker
      .createContainer({
        name: byHand,
        Image: BUSYBOX_TEST_IMAGE,
        Cmd: ['sh', '-c', "trap 'exit 0' TERM; while :; do sleep 0.2; done"],
        Labels: { 'monitor-test': '1', 'monitor.deployment': 'victim-id' },
        HostConfig: { NetworkMode: 'none' },
      })
      .then((c) => c.start());
    try {
      const cases = [
        [
          `    network_mode: "container:${byHand}"`,
          `network_mode container:${byHand} joins only this stack's own containers; container '${byHand}' is not this stack's: it belongs to deployment victim-id`,
        ],
        [`    network_mode: none\n    pid: "container:${byHand}"`, `pid container:${byHand}`],
        [
          `    network_mode: none\n    volumes_from: ["container:${byHand}:ro"]`,
          `volumes_from container:${byHand}`,
        ],
        [
          `    network_mode: none\n    labels:\n      monitor.deployment: victim-id`,
          "the label 'monitor.deployment' is reserved",
        ],
      ];
      for (const [i, [extra, why]] of cases.entries()) {
        const t = target(`reach${i}`, `monitor-test-reach${i}-${run}`);
        const compose = COMPOSE.replace('    network_mode: none\n', `${extra}\n`);
        await agent.call('WriteComposeFiles', {
          stack: t.stack,
          files: [{ path: 'compose.yaml', contents: compose }],
        });
        const up = await agent.call<{ success: boolean; logs: Log[] }>('ComposeUp', t);
        expect(up.body.success).toBe(false);
        expect(up.body.logs.map((l) => l.stage)).toEqual(['compose config']);
        expect(up.body.logs[0].stderr).toContain(`service web: ${why}`);
        expect(await containers(t.project)).toEqual([]);
      }
    } finally {
      await docker.getContainer(byHand).remove({ force: true });
    }
  }, 60_000);

  it('refuses a project made by hand, and takes one Monitor made in the stack folder before labels', async () => {
    const byHand = `monitor-test-by-hand-${run}`;
    writeFileSync(join(handMade, 'compose.yaml'), COMPOSE);
    execFileSync('docker-compose', ['-p', byHand, '-f', 'compose.yaml', 'up', '-d'], {
      cwd: handMade,
      stdio: 'ignore',
    });
    projects.push(byHand);
    const refused = await agent.call<{ error: string }>('ComposeDown', target('claim', byHand));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain('has no Monitor label');

    const legacy = target('legacy', `monitor-test-legacy-${run}`);
    await write(legacy.stack);
    execFileSync('docker-compose', ['-p', legacy.project, '-f', 'compose.yaml', 'up', '-d'], {
      cwd: join(agent.config.root_directory, 'stacks', legacy.stack),
      stdio: 'ignore',
    });
    expect(await agent.call<Log>('ComposeDown', legacy)).toMatchObject({
      status: 200,
      body: { success: true },
    });
  }, 60_000);
});
