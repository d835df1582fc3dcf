import { createEventStore, type EventStoreHandle } from '@monitor/eventstore';
import { natsUrl } from '../test-env';
import { api, signUp, type ApiClient } from '../support/api';
import { eventually } from '../support/eventually';
import { startProcess, type MonitorProcess } from '../support/process-monitor';
import { completed, type UpdateView as Update } from '../support/updates';

/**
 * Distributed mode, a real nats-server and the JetStream store: the procedures process killed
 * -9 mid-stage and started again (a new process, so a new replica: it waits for the old lease
 * to run out). The run resumes where its stream stood: nothing started twice.
 */
describe('a procedure run survives kill -9 of the procedures process', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const env = {
    MONITOR_NATS_URL: natsUrl(),
    MONITOR_EVENT_STORE_KIND: 'jetstream',
    MONITOR_EVENT_STORE_STREAM: `E2E_PROC_${suffix}`,
    MONITOR_EVENT_STORE_SUBJECT_PREFIX: `e2e_proc_${suffix}`,
    MONITOR_PROCEDURES_LEASE_MS: '1000',
  };
  const processes: MonitorProcess[] = [];
  let procedures: MonitorProcess;
  let client: ApiClient;
  let handle: EventStoreHandle;

  const startProcedures = async () => {
    procedures = await startProcess('procedures', env, { http: false });
    processes.push(procedures);
  };

  beforeAll(async () => {
    await startProcedures();
    const gateway = await startProcess('gateway', env);
    processes.push(gateway);
    client = api(gateway.url, await signUp(gateway.url, 'admin'));
    handle = await createEventStore({
      kind: 'jetstream',
      servers: natsUrl(),
      stream: `E2E_PROC_${suffix}`,
      prefix: `e2e_proc_${suffix}`,
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await handle?.store.close();
  });

  it('killed mid-Sleep, started again: the run completes, each execution started once', async () => {
    await eventually(async () => {
      const created = await client.call('write', 'CreateProcedure', {
        name: 'durable',
        config: {
          stages: [
            {
              name: 'wait',
              enabled: true,
              executions: [
                { execution: { type: 'Sleep', params: { duration_ms: 3000 } }, enabled: true },
                { execution: { type: 'None', params: {} }, enabled: true },
              ],
            },
            {
              name: 'after',
              enabled: true,
              executions: [{ execution: { type: 'None', params: {} }, enabled: true }],
            },
          ],
        },
      });
      expect(created.status).toBe(200);
    }, 30_000);
    const run = await client.execute<Update>('RunProcedure', { procedure: 'durable' });
    const runEvents = async () =>
      (await handle.store.readStream(`procedurerun-${run._id.$oid}`)).map((e) => e.type);
    await eventually(async () => expect(await runEvents()).toContain('ExecutionStarted'), 10_000);
    procedures.child.kill('SIGKILL');
    await new Promise((resolve) => procedures.child.once('exit', resolve));
    await startProcedures();

    const done = await completed(client, run, 60_000);
    expect(done.success).toBe(true);
    expect(done.logs.map((l) => l.stage)).toContain(`Stage 2 'after', execution 1: None`);
    const events = await runEvents();
    expect(events.filter((t) => t === 'StageStarted')).toHaveLength(2);
    expect(events.filter((t) => t === 'ExecutionStarted')).toHaveLength(3);
    expect(events.filter((t) => t === 'RunStarted').length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toBe('RunFinished');
  }, 120_000);
});
