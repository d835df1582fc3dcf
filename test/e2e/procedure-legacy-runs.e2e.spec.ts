import { procedureRunStream, updateStream, type ProcedureStage } from '@monitor/domain';
import { newId, systemMeta, toNewEvents } from '@monitor/resources';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import type { UpdateView as Update } from '../support/updates';

/**
 * Runs recorded before a run's Update was its stream's projection wrote that Update apart, to
 * `update-<id>`: one left unfinished is still resumed (or ended interrupted past the resume
 * window), and its Update completed, so none stays InProgress.
 */
describe('a procedure run recorded before, whose Update was written apart', () => {
  const WINDOW_MS = 5_000;
  let monitor: EmbeddedMonitor;
  let procedureId: string;
  const stages: ProcedureStage[] = [
    {
      name: 'only',
      enabled: true,
      executions: [{ execution: { type: 'None', params: {} }, enabled: true }],
    },
  ];

  /** A run as an earlier version left it: its Update started, its owner gone since `goneMs`. */
  const leftUnfinished = async (goneMs: number): Promise<string> => {
    const id = newId();
    const meta = systemMeta();
    const ts = Date.now();
    const target = { type: 'Procedure', id: procedureId };
    const started = { id, operation: 'RunProcedure', target, queued: false, ts };
    const { store } = monitor.runtime;
    await store.append(
      updateStream(id),
      toNewEvents([{ type: 'UpdateStarted', data: started }], meta),
      'no_stream',
    );
    const owner = { replica: 'gone', leaseUntil: ts - goneMs };
    const starter = { by: 'user', userId: 'someone' };
    const queued = { runId: id, procedureId, updateId: id, stages, starter, ts, owner };
    await store.append(
      procedureRunStream(id),
      toNewEvents([{ type: 'RunQueued', data: queued }], meta),
      'no_stream',
    );
    return id;
  };
  const completedUpdate = (id: string) =>
    eventually(async () => {
      const update = await monitor.admin.read<Update>('GetUpdate', { id });
      expect(update.status).toBe('Complete');
      return update;
    }, 20_000);

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_PROCEDURES_LEASE_MS: '1000',
      MONITOR_PROCEDURES_RESUME_WINDOW_MS: String(WINDOW_MS),
    });
    const created = await monitor.admin.write<{ _id: { $oid: string } }>('CreateProcedure', {
      name: 'legacy',
      config: { stages },
    });
    procedureId = created._id.$oid;
  }, 60_000);
  afterAll(() => monitor?.destroy());

  it('resumes one ownerless within the window, and completes its Update as the run ends', async () => {
    const id = await leftUnfinished(1_000);
    const update = await completedUpdate(id);
    expect(update.success).toBe(true);
    const stream = await monitor.runtime.store.readStream(procedureRunStream(id));
    expect(stream.at(-1)).toMatchObject({ type: 'RunFinished', data: { success: true } });
  });

  it('ends one ownerless past the window interrupted, its Update saying so', async () => {
    const id = await leftUnfinished(WINDOW_MS * 2);
    const update = await completedUpdate(id);
    expect(update.success).toBe(false);
    expect(update.logs.at(-1)).toMatchObject({ stage: 'interrupted', success: false });
    expect(update.logs.at(-1)!.stderr).toContain('before its first stage');
  });
});
