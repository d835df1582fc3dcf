import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { procedureRunStream } from '@monitor/domain';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed, type UpdateView as Update } from '../support/updates';

/**
 * Two replicas on one SQLite file (each sees the other's writes only as it looks, every second)
 * get a run of one procedure each at once: each starts its first stage with its record, and the
 * one later in the store takes that stage back before it waits. Its replica stopping while it
 * waits, the other resumes it once its lease has run out: the stage starts then, nothing of it
 * found started and never sent.
 */
describe('a run that took back its first stage to wait, its replica stopped meanwhile', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-procedure-withdraw-'));
  const name = `withdrawn-${process.pid}`;
  const env = (replica: string) => ({
    MONITOR_PROCEDURES_REPLICA: replica,
    MONITOR_PROCEDURES_LEASE_MS: '1000',
  });
  const replicas: EmbeddedMonitor[] = [];

  beforeAll(async () => {
    const a = await startEmbedded(env('replica-a'), dataDir);
    replicas.push(a);
    await a.admin.write('CreateProcedure', {
      name,
      config: {
        stages: [
          {
            name: 'wait',
            enabled: true,
            executions: [
              { execution: { type: 'Sleep', params: { duration_ms: 3000 } }, enabled: true },
            ],
          },
        ],
      },
    });
    replicas.push(await startEmbedded(env('replica-b'), dataDir));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((m) => m.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is resumed by the other replica: its stage starts after the run ahead, and runs once', async () => {
    const [a, b] = replicas;
    await eventually(async () => {
      const procedures = await b.admin.read<{ name: string }[]>('ListProcedures', {});
      expect(procedures.map((p) => p.name)).toContain(name);
    }, 10_000);
    const sent = await Promise.all([
      a.admin.execute<Update>('RunProcedure', { procedure: name }),
      b.admin.execute<Update>('RunProcedure', { procedure: name }),
    ]);
    const types = async (run: Update) =>
      (await a.runtime.store.readStream(procedureRunStream(run._id.$oid))).map((e) => e.type);
    let later = -1;
    await eventually(async () => {
      const withdrawn = await Promise.all(
        sent.map(async (x) => (await types(x)).includes('StageWithdrawn')),
      );
      later = withdrawn.indexOf(true);
      expect(later).toBeGreaterThanOrEqual(0);
    }, 10_000);
    const [waiting, ahead] = [later, 1 - later];
    // The waiting run's replica stops (the run ahead goes on at the other).
    await replicas[waiting].stop();
    replicas.splice(waiting, 1);
    const other = replicas[0];

    const [first, second] = [
      await completed(other.admin, sent[ahead], 30_000),
      await completed(other.admin, sent[waiting], 30_000),
    ];
    expect(first.success && second.success).toBe(true);
    const stream = await other.runtime.store.readStream(procedureRunStream(sent[waiting]._id.$oid));
    const written = stream.map((e) => e.type).filter((t) => t !== 'LeaseRenewed');
    expect(written).toEqual([
      'RunQueued',
      'StageStarted',
      'StageWithdrawn',
      'RunStarted',
      'StageStarted',
      'RunFinished',
    ]);
    const resumedBy = stream.find((e) => e.type === 'RunStarted')!.data as { replica: string };
    expect(resumedBy.replica).toBe(waiting === 0 ? 'replica-b' : 'replica-a');
    expect(second.logs).toHaveLength(1);
    expect(second.logs[0].stdout).toBe('slept 3000 ms');
    expect(second.logs[0].start_ts).toBeGreaterThanOrEqual(first.end_ts!);
  }, 60_000);
});
