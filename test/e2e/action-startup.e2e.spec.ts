import type { ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { Replicas } from '../support/replicas';

interface RunView {
  id: string;
  operation: string;
  status: string;
  success: boolean;
  operator: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const STARTUP_ACTION = {
  name: 'on-start',
  config: { run_at_startup: true, file_contents: "console.log('the installation started');" },
};

async function runsOf(client: ApiClient, actionId: string): Promise<RunView[]> {
  const { updates } = await client.read<{ updates: RunView[] }>('ListUpdates', {
    query: { 'target.type': 'Action', 'target.id': actionId },
  });
  return updates.filter((u) => u.operation === 'RunAction');
}

/** Komodo's run_at_startup: an Action runs once each time the installation starts. */
describe('an Action with run_at_startup', () => {
  it('runs at each start of an embedded Monitor, as its last writer', async () => {
    const env = { MONITOR_AUTH_ALLOW_SIGNUPS: 'true' };
    let monitor: EmbeddedMonitor = await startEmbedded(env);
    const dataDir = monitor.dataDir;
    try {
      const created = await monitor.admin.write<{ _id: { $oid: string } }>(
        'CreateAction',
        STARTUP_ACTION,
      );
      const id = created._id.$oid;
      const { _id: admin } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
        user: 'admin',
      });
      // Written after this start: it waits for the next one.
      await sleep(2_000);
      expect(await runsOf(monitor.admin, id)).toEqual([]);

      for (const starts of [1, 2]) {
        await monitor.stop();
        monitor = await startEmbedded(env, dataDir);
        await eventually(async () => {
          const runs = await runsOf(monitor.admin, id);
          expect(runs).toHaveLength(starts);
          expect(runs.every((r) => r.status === 'Complete' && r.success)).toBe(true);
          expect(runs.every((r) => r.operator === admin.$oid)).toBe(true);
        }, 30_000);
      }
      await sleep(2_000);
      expect(await runsOf(monitor.admin, id)).toHaveLength(2);
    } finally {
      await monitor.destroy();
    }
  }, 120_000);

  it('runs once per start of replicas together; a later replica joins, and begins anew once those it joined are gone', async () => {
    // [testing]: a replica silent for 10 s is gone (150 s otherwise); heartbeats every 4 s.
    const replicas = new Replicas('startup', { MONITOR_TESTING_REPLICA_LIVE_FOR_MS: '10000' });
    try {
      const { gateway, admin: client } = await replicas.startGateway();
      const procedures = (replica: string) =>
        replicas.start('procedures', replica, { MONITOR_ACTIONS_API_URL: gateway.url });
      const first = await procedures('first');
      const created = await client.write<{ _id: { $oid: string } }>('CreateAction', {
        name: 'slow-start',
        config: {
          run_at_startup: true,
          file_contents: "await new Promise((r) => setTimeout(r, 6000)); console.log('started');",
        },
      });
      const id = created._id.$oid;
      const long = await client.write<{ _id: { $oid: string } }>('CreateAction', {
        name: 'long',
        config: { file_contents: 'await new Promise((r) => setTimeout(r, 120000));' },
      });
      await first.stop();

      const [a, b] = await Promise.all(['replica-a', 'replica-b'].map(procedures));
      await eventually(async () => {
        const runs = await runsOf(client, id);
        expect(runs.map((r) => r.status)).toEqual(['InProgress']);
      }, 20_000);
      // A replica starting while the start-up run goes on joins: the run is not interrupted.
      const c = await procedures('replica-c');
      await eventually(async () => {
        const runs = await runsOf(client, id);
        expect(runs).toHaveLength(1);
        expect(runs[0]).toMatchObject({ status: 'Complete', success: true });
      }, 30_000);
      expect(c.output()).toContain('joined start-up generation');

      // All in one generation; the first replica's stop ended the one before.
      const said = await replicas.events('procedurestartup-');
      const lastWord = (r: string) =>
        said.filter((e) => (e.data as { replica: string }).replica === r).at(-1)!;
      expect(lastWord('first').type).toBe('ReplicaStopped');
      const generations = ['replica-a', 'replica-b', 'replica-c'].map(
        (r) => (lastWord(r).data as { generation: string }).generation,
      );
      expect(new Set(generations).size).toBe(1);
      expect(await replicas.events(`actionstartup-${id}-`)).toHaveLength(1);

      // Every replica killed mid-run; one started at once joins them, finds them gone, and begins
      // anew: the orphaned run ends interrupted, and the installation's start-up run runs again.
      await client.execute('RunAction', { action: long._id.$oid });
      await eventually(async () => {
        expect((await runsOf(client, long._id.$oid)).map((r) => r.status)).toEqual(['InProgress']);
      }, 10_000);
      for (const p of [a, b, c]) p.child.kill('SIGKILL');
      const d = await procedures('replica-d');
      expect(d.output()).toContain('joined start-up generation');
      await eventually(async () => {
        const [orphan] = await runsOf(client, long._id.$oid);
        expect(orphan).toMatchObject({ status: 'Complete', success: false });
        const runs = await runsOf(client, id);
        expect(runs).toHaveLength(2);
        expect(runs.every((r) => r.status === 'Complete' && r.success)).toBe(true);
      }, 40_000);
    } finally {
      await replicas.stop();
    }
  }, 180_000);
  it('is run by another replica of the generation when its claimer dies before starting it', async () => {
    const replicas = new Replicas('startup_takeover');
    try {
      const { gateway, admin: client } = await replicas.startGateway();
      const procedures = (replica: string, extra: Record<string, string> = {}) =>
        replicas.start('procedures', replica, { MONITOR_ACTIONS_API_URL: gateway.url, ...extra });
      const first = await procedures('first');
      const created = await client.write<{ _id: { $oid: string } }>('CreateAction', STARTUP_ACTION);
      const id = created._id.$oid;
      await first.stop();

      // Begins a generation, claims the start-up run, and dies (the test-only hook).
      await procedures('doomed', { MONITOR_TESTING_SCHEDULER_DIE_AFTER_CLAIM: 'true' }).catch(
        () => undefined,
      );
      const claims = async () =>
        (await replicas.events(`actionstartup-${id}-`)).map(
          (e) => e.data as { replica: string; updateId: string },
        );
      await eventually(async () => expect(await claims()).toHaveLength(1), 20_000);
      const [claim] = await claims();
      expect(claim.replica).toBe('doomed');

      // Joins the generation of the replica it still takes for alive, loses the claim, and
      // starts the run it names once the claimer's grace is past.
      const rescuer = await procedures('rescuer');
      await eventually(async () => {
        const runs = await runsOf(client, id);
        expect(runs.map((r) => r.id)).toEqual([claim.updateId]);
        expect(runs[0]).toMatchObject({ status: 'Complete', success: true });
      }, 40_000);
      expect(rescuer.output()).toContain('joined start-up generation');
      expect(rescuer.output()).toContain('run at start-up for replica doomed, which claimed it');
      expect(await claims()).toHaveLength(1);
    } finally {
      await replicas.stop();
    }
  }, 150_000);
});
