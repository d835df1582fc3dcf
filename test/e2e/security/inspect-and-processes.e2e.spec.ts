import '../../support/browser-globals';
import Dockerode from 'dockerode';
import { KomodoClient, type Types } from 'komodo_client';
import { randomBytes } from 'node:crypto';
import { BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, grant as grantOn, startWithLocalAgent } from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';
import { destroyStack, removeComposeProject, removeContainers } from '../../support/leftovers';

const MASK = '*****';

type Failure = { error: string; code: string };
type Container = {
  Name: string;
  SizeRootFs?: number;
  State: { Running: boolean };
  Config: { Env: string[]; Cmd: string[]; ExposedPorts: string[]; Labels: Record<string, string> };
};
type SystemProcess = { pid: number; name: string; cmd: string[]; cpu_perc: number; mem_mb: number };

/**
 * Issue 11: Komodo's `Inspect` and `Processes` specific permissions guard what they name. A
 * container's inspect (its environment: interpolated secrets) needs Inspect on its Deployment,
 * Stack or Server; the host's processes need Processes on the Server. Read alone is refused, and
 * what is answered never holds a secret variable's value.
 */
describe('security: inspecting containers needs Inspect, listing processes needs Processes', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const deployment = `sec-inspect-${suffix}`;
  const stack = `sec-inspect-stack-${suffix}`;
  const project = `sec-inspect-project-${suffix}`;
  const secret = `Inspect-${randomBytes(12).toString('hex')}`;
  /** Monitor's own secrets, as a host running its agent or core in a container holds them. */
  const passkey = `far-agent-${randomBytes(12).toString('hex')}`;
  const jwtSecret = `jwt-${randomBytes(24).toString('hex')}`;
  const awsSecret = `aws-secret-${suffix}-0123456789abcdef`;
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  const users: Record<string, ApiClient> = {};
  const tokens: Record<string, string> = {};

  const grant = (user: string, type: string, id: string, level: string, specific: string[] = []) =>
    grantOn(admin, user, { type, id }, level, specific);
  const refused = async (client: ApiClient, request: string, params: object, message: RegExp) => {
    const answer = await client.call<Failure>('read', request, params);
    expect([request, answer.status, answer.body.error]).toEqual([
      request,
      403,
      expect.stringMatching(message),
    ]);
  };
  const inspections = [
    ['InspectDeploymentContainer', { deployment }, `Deployment '${deployment}'`],
    ['InspectStackContainer', { stack, service: 'talker' }, `Stack '${stack}'`],
    ['InspectContainer', { server: 'local', container: deployment }, "Server 'local'"],
    ['InspectDockerContainer', { server: 'local', container: deployment }, "Server 'local'"],
  ] as const;
  const expectMasked = (answer: unknown) => {
    const text = JSON.stringify(answer);
    expect(text.includes(secret)).toBe(false);
    expect(text).toContain(MASK);
  };

  beforeAll(async () => {
    monitor = await startWithLocalAgent({
      MONITOR_AUTH_JWT_SECRET: jwtSecret,
      MONITOR_AWS_ACCESS_KEY_ID: 'AKIAINSPECTED',
      MONITOR_AWS_SECRET_ACCESS_KEY: awsSecret,
    });
    admin = monitor.admin;
    for (const name of ['reader', 'inspector', 'heir', 'watcher']) {
      const { client, auth } = await enabledUser(monitor, name);
      users[name] = client;
      tokens[name] = (auth as { jwt: string }).jwt;
    }
    await admin.write('CreateVariable', { name: 'INSPECTED', value: secret, is_secret: true });
    await admin.write('CreateServer', {
      name: `far-${suffix}`,
      config: { address: 'https://127.0.0.1:9', passkey },
    });
    await admin.write('CreateDeployment', {
      name: deployment,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: BUSYBOX_TEST_IMAGE } },
        // The secret in the environment and on the command line, as a process's argument.
        environment: `TOKEN=[[INSPECTED]]\nPERIPHERY_PASSKEYS=${passkey}\nMONITOR_AUTH_JWT_SECRET=${jwtSecret}\nMONITOR_AWS_SECRET_ACCESS_KEY=${awsSecret}`,
        command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait" inspected-arg [[INSPECTED]]`,
        network: 'none',
        termination_timeout: 1,
      },
    });
    await admin.write('CreateStack', {
      name: stack,
      config: {
        server_id: 'local',
        project_name: project,
        auto_pull: false,
        environment: 'TOKEN=[[INSPECTED]]',
        file_contents: [
          'services:',
          '  talker:',
          `    image: ${BUSYBOX_TEST_IMAGE}`,
          '    network_mode: none',
          '    environment: { TOKEN: "${TOKEN}" }',
          '    command: ["/bin/sh", "-c", "trap \'exit 0\' TERM; sleep 3600 & wait"]',
          '',
        ].join('\n'),
      },
    });
    for (const [request, params] of [
      ['Deploy', { deployment }],
      ['DeployStack', { stack }],
    ] as const) {
      const update = await admin.execute<UpdateView>(request, params);
      expect((await completed(admin, update, 60_000)).success).toBe(true);
    }
    for (const resource of [
      ['Deployment', deployment],
      ['Stack', stack],
    ]) {
      await grant('reader', resource[0], resource[1], 'Read');
      await grant('inspector', resource[0], resource[1], 'Read', ['Inspect']);
      await grant('heir', resource[0], resource[1], 'Read');
    }
    await grant('reader', 'Server', 'local', 'Read');
    await grant('heir', 'Server', 'local', 'Read', ['Inspect']);
    await grant('watcher', 'Server', 'local', 'Read', ['Processes']);
  }, 120_000);

  afterAll(async () => {
    await destroyStack(admin, stack);
    await monitor?.destroy();
    await removeComposeProject(docker, project);
    await removeContainers(docker, deployment);
  }, 60_000);

  it('refuses every inspect to a user with Read but no Inspect, naming Inspect', async () => {
    for (const [request, params, target] of inspections) {
      await refused(
        users.reader,
        request,
        params,
        new RegExp(
          `you need Read permission and Inspect on ${target} \\(you have Read, without Inspect\\)`,
        ),
      );
    }
  });

  it('refuses the server-wide inspect to whoever holds Inspect only on the deployment, or Processes only', async () => {
    const params = { server: 'local', container: deployment };
    await refused(users.inspector, 'InspectContainer', params, /on Server 'local' \(you have None/);
    await refused(users.watcher, 'InspectContainer', params, /without Inspect/);
  });

  it("answers the deployment's and the stack's container to a user with Inspect on them, secrets masked", async () => {
    const own = await users.inspector.read<Container>('InspectDeploymentContainer', { deployment });
    expect(own).toMatchObject({ Name: `/${deployment}`, State: { Running: true } });
    expect(own.Config.Env).toContain(`TOKEN=${MASK}`);
    expect(own.Config.Cmd).toEqual(expect.arrayContaining(['inspected-arg', MASK]));
    // Komodo's Container: exposed ports as a list, the sizes asked for.
    expect(Array.isArray(own.Config.ExposedPorts)).toBe(true);
    expect(own.SizeRootFs).toEqual(expect.any(Number));
    expectMasked(own);

    const service = await users.inspector.read<Container>('InspectStackContainer', {
      stack,
      service: 'talker',
    });
    expect(service.Config.Labels['com.docker.compose.project']).toBe(project);
    expect(service.Config.Env).toContain(`TOKEN=${MASK}`);
    expectMasked(service);
  });

  it("masks Monitor's own secrets in a container's environment: an agent's passkey, the core's token key and AWS secret", async () => {
    const answer = await users.heir.read<Container>('InspectContainer', {
      server: 'local',
      container: deployment,
    });
    expect(answer.Config.Env).toEqual(
      expect.arrayContaining([
        `PERIPHERY_PASSKEYS=${MASK}`,
        `MONITOR_AUTH_JWT_SECRET=${MASK}`,
        `MONITOR_AWS_SECRET_ACCESS_KEY=${MASK}`,
      ]),
    );
    const text = JSON.stringify(answer);
    expect([passkey, jwtSecret, awsSecret].map((s) => text.includes(s))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('answers 404 naming what is missing: a service the stack does not run, a container never deployed', async () => {
    const answer = await users.inspector.call<Failure>('read', 'InspectStackContainer', {
      stack,
      service: 'missing',
    });
    expect([answer.status, answer.body.error]).toEqual([
      404,
      expect.stringMatching(/no container for service 'missing' \(services with one: talker\)/),
    ]);
    await admin.write('CreateDeployment', {
      name: `${deployment}-never`,
      config: { server_id: 'local', image: { type: 'Image', params: { image: 'app:1' } } },
    });
    const never = await admin.call<Failure>('read', 'InspectDeploymentContainer', {
      deployment: `${deployment}-never`,
    });
    expect([never.status, never.body.error]).toEqual([
      404,
      `server 'local': InspectContainer: no container named "${deployment}-never" on this host`,
    ]);
  });

  it('lets Inspect on the server reach every container on it, secrets masked', async () => {
    for (const [request, params] of inspections) {
      const answer = await users.heir.read<Container>(request, params);
      expect(answer.State.Running).toBe(true);
      expectMasked(answer);
    }
  });

  it('refuses the processes to a user without Processes, naming it', async () => {
    for (const user of ['reader', 'heir']) {
      await refused(
        users[user],
        'ListSystemProcesses',
        { server: 'local' },
        /you need Read permission and Processes on Server 'local' \(you have Read, without Processes\)/,
      );
    }
  });

  it('lists the host processes to a user with Processes, secrets on command lines masked', async () => {
    const processes = await users.watcher.read<SystemProcess[]>('ListSystemProcesses', {
      server: 'local',
    });
    expect(processes.length).toBeGreaterThan(1);
    expect(processes[0]).toMatchObject({ pid: expect.any(Number), cmd: expect.any(Array) });
    const container = processes.find((p) => p.cmd.includes('inspected-arg'));
    expect(container?.cmd).toContain(MASK);
    expect(JSON.stringify(processes).includes(secret)).toBe(false);
  });

  it("answers Komodo's own client in Komodo's types", async () => {
    const komodo = (user: string) =>
      KomodoClient(monitor.url, { type: 'jwt', params: { jwt: tokens[user] } });
    const heir = komodo('heir');
    const containers: Types.Container[] = [
      await heir.read('InspectDeploymentContainer', { deployment }),
      await heir.read('InspectStackContainer', { stack, service: 'talker' }),
      await heir.read('InspectContainer', { server: 'local', container: deployment }),
    ];
    for (const container of containers) {
      expect(container.State?.Running).toBe(true);
      expect(container.Config?.Env).toContain(`TOKEN=${MASK}`);
    }
    const processes: Types.ListSystemProcessesResponse = await komodo('watcher').read(
      'ListSystemProcesses',
      { server: 'local' },
    );
    expect(processes[0]).toMatchObject({ pid: expect.any(Number), name: expect.any(String) });
  });
});
