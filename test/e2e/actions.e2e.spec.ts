import Dockerode from 'dockerode';
import { join } from 'node:path';
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from '@monitor/testing';
import type { WebSocket } from 'ws';
import type { ApiClient } from '../support/api';
import { freePort } from '../support/free-port';
import { LOCAL_AGENT_ENV, startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { removeContainers } from '../support/leftovers';
import { enabledUser, grant } from '../support/security';
import {
  followUpdate,
  updateFeed,
  type FeedMessage,
  type SeenUpdate,
} from '../support/update-feed';
import { eventually } from '../support/eventually';
import { completed, type UpdateView } from '../support/updates';

// Lists deployments with Monitor's typed client, deploys one with Komodo's, and prints progress
// around a pause.
const DEPLOYING = `
const deployments = await monitor.read('ListDeployments', {});
console.log('step 1: found', deployments.length, 'deployment(s)');
await new Promise((resolve) => setTimeout(resolve, 2500));
const update: { _id: { $oid: string } } = await komodo.execute('Deploy', { deployment: ARGS.TARGET });
console.log('step 2: deploy update', update._id.$oid);
`;

describe('Actions: a TypeScript script run by RunAction', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const container = `e2e-action-web-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let runner: ApiClient;
  let runnerId: string;
  let adminId: string;
  let socket: WebSocket;
  const messages: FeedMessage[] = [];

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    const port = await freePort();
    monitor = await startEmbedded({
      ...LOCAL_AGENT_ENV,
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_PORT: String(port),
      MONITOR_ACTIONS_API_URL: `http://127.0.0.1:${port}`,
      MONITOR_ACTIONS_TIMEOUT_MS: '4000',
      MONITOR_ACTIONS_MEMORY_MB: '48',
    });
    const admin = monitor.admin;
    adminId = (await admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'admin' }))._id.$oid;
    const user = await enabledUser(monitor, 'runner');
    runner = user.client;
    runnerId = (await admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'runner' }))._id
      .$oid;
    await admin.write('CreateDeployment', {
      name: 'action-web',
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: BUSYBOX_TEST_IMAGE } },
        custom_name: container,
        command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
        network: 'none',
        termination_timeout: 1,
      },
    });
    const create = (name: string, file_contents: string, args = '') =>
      admin.write<{ _id: { $oid: string } }>('CreateAction', {
        name,
        config: { file_contents, arguments: args },
      });
    const deploying = await create('deploying', DEPLOYING, 'TARGET=action-web');
    await grant(admin, runnerId, { type: 'Action', id: deploying._id.$oid }, 'Execute');
    await create(
      'key-reader',
      `import { readFileSync } from 'node:fs';\n` +
        `console.log(readFileSync(${JSON.stringify(join(monitor.dataDir, 'master.key'))}, 'utf8'));`,
    );
    await create('forever', 'for (;;) {}');
    await create('batch-one', "console.log('one', ARGS.N)", 'N=1');
    await create('batch-two', "console.log('two', ARGS.N)", 'N=2');
    await create('cancelled', "console.log('looping');\nfor (;;) {}");
    await create(
      'hungry',
      'const keep = []; for (;;) keep.push(new Array(1000).fill(keep.length));',
    );
    socket = await updateFeed(monitor.url, monitor.adminAuth.jwt, messages);
  }, 120_000);
  afterAll(async () => {
    socket?.close();
    await monitor?.destroy();
    await removeContainers(docker, container);
  });

  /** The alerts of an action, as `<type> <name>`. */
  const alertsOf = async (action: string) => {
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('GetAction', { action });
    const { alerts } = await monitor.admin.read<{
      alerts: { data: { type: string; data: { name: string } } }[];
    }>('ListAlerts', { query: { 'target.id': _id.$oid } });
    return alerts.map((a) => `${a.data.type} ${a.data.data.name}`);
  };

  const run = async (client: ApiClient, action: string) =>
    completed(client, await client.execute<UpdateView>('RunAction', { action }), 60_000);

  it('lists and deploys as its author, its lines live on /ws/update; the run key is gone after', async () => {
    const started = await runner.execute<UpdateView>('RunAction', { action: 'deploying' });
    const seen: SeenUpdate[] = [];
    const update = await followUpdate(monitor.admin, messages, started._id.$oid, seen);
    const log = update.logs.find((l) => l.stage === 'Execute Action')!;
    expect([update.success, log.stderr]).toEqual([true, '']);
    expect(update.operator).toBe(runnerId);

    // Step 1 was on the Update while the script still ran, before step 2 was printed.
    const live = seen.find(({ update: u }) =>
      u.logs.some(
        (l) => l.stage === 'Execute Action' && l.end_ts === 0 && l.stdout.includes('step 1'),
      ),
    );
    expect(live?.update.logs.find((l) => l.stage === 'Execute Action')?.stdout).not.toContain(
      'step 2',
    );
    expect(log.stdout).toMatch(/step 1: found 1 deployment\(s\)\nstep 2: deploy update \w+/);

    // The Deploy is an Update by the action's user (its author, the admin), not by who ran it.
    const deployId = /deploy update (\w+)/.exec(log.stdout)![1];
    const deploy = await completed(
      monitor.admin,
      { _id: { $oid: deployId } } as UpdateView,
      60_000,
    );
    expect([deploy.operation, deploy.operator, deploy.success]).toEqual(['Deploy', adminId, true]);

    // The key made for the run was deleted when it ended.
    const keys = monitor.runtime.readModel.identity.user(adminId)?.apiKeys ?? [];
    expect(keys.filter((k) => k.name.startsWith('action run'))).toEqual([]);
  }, 90_000);

  it('reading the master key file: the run fails with the refusal, nothing read', async () => {
    const update = await run(monitor.admin, 'key-reader');
    const log = update.logs.find((l) => l.stage === 'Execute Action')!;
    expect(update.success).toBe(false);
    expect(log.stderr).toContain(
      `permission refused: FileSystemRead of ${join(monitor.dataDir, 'master.key')}`,
    );
    expect(log.stdout).toBe('');
  });

  it('a script that loops forever is stopped at the time limit, the run failed saying so', async () => {
    const update = await run(monitor.admin, 'forever');
    expect(update.success).toBe(false);
    expect(update.logs.find((l) => l.stage === 'Execute Action')!.stderr).toMatch(
      /stopped after 4 s$/,
    );
  });

  it('a script that allocates without bound is stopped at the memory cap', async () => {
    const update = await run(monitor.admin, 'hungry');
    expect(update.success).toBe(false);
    expect(update.logs.find((l) => l.stage === 'Execute Action')!.stderr).toMatch(
      /out of memory \(48 MB\)$/,
    );
  });

  it('CancelAction stops the running script: the run fails as cancelled with no ActionFailed', async () => {
    const admin = monitor.admin;
    const started = await admin.execute<UpdateView>('RunAction', { action: 'cancelled' });
    await eventually(async () => {
      const current = await admin.read<UpdateView>('GetUpdate', { id: started._id.$oid });
      expect(current.logs.find((l) => l.stage === 'Execute Action')?.stdout).toContain('looping');
    }, 10_000);
    const state = () =>
      admin.read<{ running: number }>('GetActionActionState', { action: 'cancelled' });
    expect(await state()).toEqual({ running: 1 });
    const cancel = await completed(
      admin,
      await admin.execute<UpdateView>('CancelAction', { action: 'cancelled' }),
    );
    const stopped = await completed(admin, started);
    expect(cancel.success).toBe(true);
    expect(stopped.success).toBe(false);
    expect(stopped.logs.find((l) => l.stage === 'Execute Action')!.stderr).toMatch(/cancelled$/);
    expect(stopped.logs.map((l) => l.stage)).toContain('Action Cancelled');
    expect(await state()).toEqual({ running: 0 });

    // A failed run raises ActionFailed; the cancelled one raised nothing by the time a failed run
    // after it did (the alerter takes Updates in order).
    await run(admin, 'key-reader');
    await eventually(async () =>
      expect(await alertsOf('key-reader')).toEqual([
        'ActionFailed key-reader',
        'ActionFailed key-reader',
      ]),
    );
    expect(await alertsOf('cancelled')).toEqual([]);
  });

  it('BatchRunAction runs every action its pattern picks, each with its own arguments', async () => {
    const batch = await monitor.admin.execute<{ status: string; data: UpdateView }[]>(
      'BatchRunAction',
      { pattern: 'batch-*' },
    );
    expect(batch.map((item) => item.status)).toEqual(['Ok', 'Ok']);
    const outputs = await Promise.all(
      batch.map(async ({ data }) => {
        const done = await completed(monitor.admin, data);
        return done.logs.find((l) => l.stage === 'Execute Action')!.stdout;
      }),
    );
    expect(outputs.sort()).toEqual(['one 1\n', 'two 2\n']);
  });
});
