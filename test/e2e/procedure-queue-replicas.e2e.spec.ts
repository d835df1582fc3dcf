import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { procedureRunStream } from '@monitor/domain';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed, type UpdateView as Update } from '../support/updates';
import { runEventsApart } from '../support/run-events';

/**
 * Two replicas on one store (two embedded Monitors on one SQLite file, each its own procedures
 * service): a run of a procedure sent to one replica while a run of it goes on at the other
 * waits, Queued, until that one has ended; it is then driven by its own replica.
 */
describe('a second run of a running procedure queues across replicas', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-procedure-queue-'));
  const name = `queued-${process.pid}`;
  const replicas: EmbeddedMonitor[] = [];

  beforeAll(async () => {
    const a = await startEmbedded({ MONITOR_PROCEDURES_REPLICA: 'replica-a' }, dataDir);
    replicas.push(a);
    await a.admin.write('CreateProcedure', {
      name,
      config: {
        stages: [
          {
            name: 'wait',
            enabled: true,
            executions: [
              { execution: { type: 'Sleep', params: { duration_ms: 2000 } }, enabled: true },
            ],
          },
        ],
      },
    });
    replicas.push(await startEmbedded({ MONITOR_PROCEDURES_REPLICA: 'replica-b' }, dataDir));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((m) => m.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Who drove the run, and when its first stage started and the run finished. */
  const driven = async (monitor: EmbeddedMonitor, run: Update) => {
    const events = runEventsApart(
      await monitor.runtime.store.readStream(procedureRunStream(run._id.$oid)),
    );
    const ts = (type: string) => (events.find((e) => e.type === type)?.data as { ts: number }).ts;
    const started = events.filter((e) => e.type === 'RunStarted');
    return {
      replica: (started.at(-1)?.data as { replica: string }).replica,
      stageStarted: ts('StageStarted'),
      finished: ts('RunFinished'),
    };
  };

  it("waits, Queued, for the other replica's run to end, then runs on its own", async () => {
    const [a, b] = replicas;
    // The second replica reads what the first wrote (another connection: it looks every second).
    await eventually(async () => {
      const procedures = await b.admin.read<{ name: string }[]>('ListProcedures', {});
      expect(procedures.map((p) => p.name)).toContain(name);
    }, 10_000);
    const first = await a.admin.execute<Update>('RunProcedure', { procedure: name });
    await eventually(async () => {
      const seen = await b.admin.read<Update>('GetUpdate', { id: first._id.$oid });
      expect(seen.status).toBe('InProgress');
    }, 10_000);
    const second = await b.admin.execute<Update>('RunProcedure', { procedure: name });
    expect(second.status).toBe('Queued');
    const stillQueued = await b.admin.read<Update>('GetUpdate', { id: second._id.$oid });
    expect(stillQueued.status).toBe('Queued');

    const [one, two] = [await completed(a.admin, first), await completed(b.admin, second)];
    expect(one.success && two.success).toBe(true);
    const [ranOne, ranTwo] = [await driven(a, first), await driven(b, second)];
    expect([ranOne.replica, ranTwo.replica]).toEqual(['replica-a', 'replica-b']);
    expect(ranTwo.stageStarted).toBeGreaterThanOrEqual(ranOne.finished);
    expect(two.logs[0].start_ts).toBeGreaterThanOrEqual(one.end_ts!);
  }, 60_000);
});
