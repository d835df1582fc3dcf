import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { eventually } from '../../support/eventually';
import { freePort } from '../../support/free-port';
import { enabledUser, grant } from '../../support/security';
import type { UpdateView } from '../../support/updates';

// Tries what only an admin may: create an Action.
const ESCALATING = `
try {
  await monitor.write('CreateAction', { name: 'made-at-startup', config: {} });
  console.log('created');
} catch (error) {
  console.log('refused', error.status);
}
`;

const envOn = (port: number) => ({
  MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
  MONITOR_PORT: String(port),
  MONITOR_ACTIONS_API_URL: `http://127.0.0.1:${port}`,
});

/**
 * A start-up run acts as the action's last writer, with that user's rights, as a scheduled run
 * does: a user with Write on an Action cannot have it run as an admin (Komodo runs it with every
 * right) by switching run_at_startup on and waiting for a restart.
 */
describe('security: Actions run at start-up', () => {
  let monitor: EmbeddedMonitor;

  afterAll(() => monitor?.destroy());

  it('run as their last writer: an admin-only request in the script is refused', async () => {
    monitor = await startEmbedded(envOn(await freePort()));
    const { admin } = monitor;
    const user = (await enabledUser(monitor, 'startup-writer')).client;
    const { _id: userId } = await admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'startup-writer',
    });
    const { _id } = await admin.write<{ _id: { $oid: string } }>('CreateAction', {
      name: 'escalating-at-startup',
      config: { file_contents: 'console.log(1)' },
    });
    await grant(admin, userId.$oid, { type: 'Action', id: _id.$oid }, 'Write');
    await user.write('UpdateAction', {
      id: _id.$oid,
      config: { file_contents: ESCALATING, run_at_startup: true },
    });

    const dataDir = monitor.dataDir;
    await monitor.stop();
    monitor = await startEmbedded(envOn(await freePort()), dataDir);
    const run = await eventually(async () => {
      const { updates } = await monitor.admin.read<{
        updates: { id: string; operation: string }[];
      }>('ListUpdates', { query: { 'target.type': 'Action', 'target.id': _id.$oid } });
      const started = updates.find((u) => u.operation === 'RunAction');
      expect(started).toBeDefined();
      const update = await monitor.admin.read<UpdateView>('GetUpdate', {
        id: started!.id,
      });
      expect(update.status).toBe('Complete');
      return update;
    }, 30_000);
    expect(run.operator).toBe(userId.$oid);
    expect(run.logs.find((l) => l.stage === 'Execute Action')!.stdout).toBe('refused 403\n');
    const names = (await monitor.admin.read<{ name: string }[]>('ListActions')).map((a) => a.name);
    expect(names).not.toContain('made-at-startup');
  }, 90_000);
});
