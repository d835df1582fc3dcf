import { randomUUID } from 'node:crypto';
import { resourceStream } from '@monitor/domain';
import { eventually } from '../support/eventually';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { completed, type UpdateView as Update } from '../support/updates';

interface Answered {
  _id: { $oid: string };
  config: { stages: unknown[] };
}

const runs = (procedure: string) => [
  {
    name: 'nested',
    enabled: true,
    executions: [{ execution: { type: 'RunProcedure', params: { procedure } }, enabled: true }],
  },
];

/**
 * Two writers racing can each pass the write's cycle check (A is made to run B while B is made to
 * run A). The outcome is made here by appending the second write's event straight to the store,
 * as the race would leave it: the run then refuses to start inside itself, rather than nest for
 * ever, and the failure names the cycle.
 */
describe('a cycle left by racing writers stops at run time', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded();
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('RunProcedure of a procedure already running above it fails, naming the cycle', async () => {
    const a = await monitor.admin.write<Answered>('CreateProcedure', {
      name: 'ring-a',
      config: { stages: [] },
    });
    const b = await monitor.admin.write<Answered>('CreateProcedure', {
      name: 'ring-b',
      config: { stages: runs('ring-a') },
    });
    await monitor.runtime.store.append(
      resourceStream('Procedure', a._id.$oid),
      [
        {
          id: randomUUID(),
          type: 'ProcedureConfigUpdated',
          data: { diff: { stages: { from: [], to: runs(b._id.$oid) } } },
          metadata: {
            userId: 'system',
            via: 'system',
            correlationId: randomUUID(),
            causationId: randomUUID(),
            at: Date.now(),
          },
        },
      ],
      'any',
    );
    await eventually(async () => {
      const read = await monitor.admin.read<Answered>('GetProcedure', { procedure: 'ring-a' });
      expect(read.config.stages).toHaveLength(1);
    }, 10_000);

    const run = await monitor.admin.execute<Update>('RunProcedure', { procedure: 'ring-a' });
    const outer = await completed(monitor.admin, run, 30_000);
    expect(outer.success).toBe(false);
    // ring-a ran ring-b; ring-b's RunProcedure of ring-a was refused before it began.
    const [innerId] = outer.logs.flatMap((l) =>
      [...`${l.stdout}`.matchAll(/Update (\S+):/g)].map((m) => m[1]),
    );
    const inner = await monitor.admin.read<Update>('GetUpdate', { id: innerId });
    expect(inner.success).toBe(false);
    expect(JSON.parse(inner.other_data ?? '{}')).toMatchObject({ parent: run._id.$oid });
    const refusal = inner.logs.map((l) => `${l.stderr}`).join('\n');
    expect(refusal).toContain('ring-a → ring-b → ring-a');
    expect(inner.logs.flatMap((l) => [...`${l.stdout}`.matchAll(/Update (\S+):/g)])).toEqual([]);
    expect(outer.logs.at(-1)?.stderr).toContain("stage 'nested' (1), execution 1 (RunProcedure)");
  }, 60_000);
});
