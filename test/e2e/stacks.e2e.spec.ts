import Dockerode from 'dockerode';
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from '@monitor/testing';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

type Update = {
  _id: { $oid: string };
  status: string;
  success: boolean;
  logs: { stage: string; stdout: string; stderr: string }[];
};

async function eventually<T>(check: () => Promise<T>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

const COMPOSE = `services:
  web:
    image: ${BUSYBOX_TEST_IMAGE}
    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; echo web says $$GREETING; sleep 3600 & wait"]
    network_mode: none
    environment:
      GREETING: \${GREETING}
  worker:
    image: ${BUSYBOX_TEST_IMAGE}
    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; echo worker up; sleep 3600 & wait"]
    network_mode: none
`;

describe('stacks from compose text: deploy, state, restart, stop, destroy', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-stack-${process.pid}`;
  let monitor: EmbeddedMonitor;

  const completed = (update: Update) =>
    eventually(async () => {
      const u = await monitor.admin.read<Update>('GetUpdate', { id: update._id.$oid });
      expect(u.status).toBe('Complete');
      return u;
    });
  const run = async (request: string, params: object = {}) =>
    completed(await monitor.admin.execute<Update>(request, { stack: 'two-services', ...params }));
  const services = () =>
    monitor.admin.read<{ service: string; state: string }[]>('ListStackServices', {
      stack: 'two-services',
    });

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    monitor = await startEmbedded({
      MONITOR_LOCAL_AGENT_ENABLED: 'true',
      MONITOR_LOCAL_AGENT_PORT: '0',
    });
    await monitor.admin.write('CreateVariable', {
      name: 'STACK_TOKEN',
      value: 'stack-secret-0815',
      is_secret: true,
    });
    await monitor.admin.write('CreateVariable', {
      name: 'STACK_GREETING',
      value: 'hello-from-stack',
    });
  }, 60_000);
  afterAll(async () => {
    await monitor?.admin
      .call('execute', 'DestroyStack', { stack: 'two-services' })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    await monitor?.destroy();
    const left = await docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${project}`] },
    });
    await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  });

  it('deploys a two-service stack written in the UI and reports both running', async () => {
    await monitor.admin.write('CreateStack', {
      name: 'two-services',
      config: {
        server_id: 'local',
        project_name: project,
        // The test image is only on this host: no pull (which would ask docker.io).
        auto_pull: false,
        file_contents: COMPOSE,
        environment: 'GREETING=[[STACK_GREETING]] [[STACK_TOKEN]]',
      },
    });
    const deployed = await run('DeployStack');
    expect(deployed.success).toBe(true);
    await eventually(async () => {
      const list = await services();
      expect(list.map((s) => [s.service, s.state]).sort()).toEqual([
        ['web', 'running'],
        ['worker', 'running'],
      ]);
    });
    const log = await eventually(async () => {
      const l = await monitor.admin.read<{ stdout: string }>('GetStackLog', {
        stack: 'two-services',
        tail: 20,
      });
      expect(l.stdout).toContain('web says hello-from-stack');
      return l;
    });
    expect(log.stdout).toContain('worker up');
    expect(log.stdout).toContain('hello-from-stack *****');
    expect(JSON.stringify([log, deployed])).not.toContain('stack-secret-0815');
  });

  it('restarts, stops and destroys', async () => {
    expect((await run('RestartStack')).success).toBe(true);
    expect((await run('StopStack')).success).toBe(true);
    await eventually(async () =>
      expect((await services()).map((s) => s.state)).toEqual(['exited', 'exited']),
    );
    expect((await run('DestroyStack')).success).toBe(true);
    await eventually(async () => expect(await services()).toEqual([]));
  });

  it("fails a stack whose compose text is invalid, with compose's own error", async () => {
    await monitor.admin.write('CreateStack', {
      name: 'broken',
      config: {
        server_id: 'local',
        project_name: `${project}-broken`,
        auto_pull: false,
        file_contents: 'services:\n  web:\n    image: [unclosed',
      },
    });
    const failed = await completed(
      await monitor.admin.execute<Update>('DeployStack', { stack: 'broken' }),
    );
    expect(failed.success).toBe(false);
    const errors = failed.logs
      .filter((l) => l.stderr)
      .map((l) => l.stderr)
      .join('\n');
    expect(errors.length).toBeGreaterThan(0);
  });
});
