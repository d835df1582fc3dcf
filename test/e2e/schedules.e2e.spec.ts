import { api, signUp, type ApiClient } from '../support/api';
import { eventually } from '../support/eventually';
import type { MonitorProcess } from '../support/process-monitor';
import { exited, Replicas } from '../support/replicas';

interface Claim {
  tick: number;
  replica: string;
  updateId: string;
  alertId: string;
}
interface ScheduleItem {
  target: { type: string; id: string };
  name: string;
  enabled: boolean;
  next_scheduled_run?: number;
  schedule_error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two procedures replicas on one JetStream store and NATS, with a gateway: an every-second
 * schedule runs once per tick whichever replica claims it, and goes on when one is killed.
 */
describe('schedules on two replicas', () => {
  const installation = new Replicas('schedules', { MONITOR_SCHEDULER_TIMEZONE: 'Europe/Berlin' });
  const replicas: MonitorProcess[] = [];
  let gateway: MonitorProcess;
  let client: ApiClient;

  beforeAll(async () => {
    replicas.push(
      ...(await Promise.all(
        ['replica-a', 'replica-b'].map((r) => installation.start('procedures', r)),
      )),
    );
    ({ gateway, admin: client } = await installation.startGateway());
  }, 90_000);

  afterAll(() => installation.stop());

  it('refuses a bad schedule with a 400 naming schedule, and stores nothing', async () => {
    const five = await client.call<{ error: string }>('write', 'CreateProcedure', {
      name: 'five-fields',
      config: { schedule_format: 'Cron', schedule: '*/5 * * * *' },
    });
    expect(five.status).toBe(400);
    expect(five.body.error).toContain('schedule');
    expect(five.body.error).toContain("add the seconds: '0 */5 * * * *'");
    const zone = await client.call<{ error: string }>('write', 'CreateProcedure', {
      name: 'bad-zone',
      config: { schedule: 'every day at noon', schedule_timezone: 'Mars/Olympus' },
    });
    expect(zone.status).toBe(400);
    expect(zone.body.error).toContain('schedule_timezone');
    const names = (await client.read<{ name: string }[]>('ListProcedures', {})).map((p) => p.name);
    expect(names).not.toContain('five-fields');
    expect(names).not.toContain('bad-zone');

    await client.write('CreateProcedure', {
      name: 'weekly',
      config: { schedule: 'at 10:00 am every Monday' },
    });
    const update = await client.call<{ error: string }>('write', 'UpdateProcedure', {
      id: 'weekly',
      config: { schedule: 'every blue moon' },
    });
    expect(update.status).toBe(400);
    expect(update.body.error).toMatch(/^schedule: .*'blue'/);
    const weekly = await client.read<{ config: { schedule: string } }>('GetProcedure', {
      procedure: 'weekly',
    });
    expect(weekly.config.schedule).toBe('at 10:00 am every Monday');
  });

  it('answers ListSchedules and next_scheduled_run in the schedule zone, else the configured one', async () => {
    await client.write('CreateProcedure', {
      name: 'tokyo-4pm',
      config: { schedule: 'every day at 4:00 pm', schedule_timezone: 'Asia/Tokyo' },
    });
    await client.write('CreateProcedure', {
      name: 'berlin-9am',
      config: { schedule: 'every day at 9:00 am' },
    });
    await client.write('CreateProcedure', {
      name: 'switched-off',
      config: { schedule: 'every day at 9:00 am', schedule_enabled: false },
    });
    await client.write('CreateProcedure', { name: 'unscheduled', config: {} });

    const schedules = await client.read<ScheduleItem[]>('ListSchedules', {});
    const byName = new Map(schedules.map((s) => [s.name, s]));
    expect([...byName.keys()]).not.toContain('unscheduled');
    expect(byName.get('switched-off')).toMatchObject({ enabled: false });
    expect(byName.get('switched-off')?.next_scheduled_run).toBeUndefined();
    const tokyo = new Date(byName.get('tokyo-4pm')!.next_scheduled_run!);
    expect(tokyo.getTime()).toBeGreaterThan(Date.now());
    expect(tokyo.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect([tokyo.getUTCHours(), tokyo.getUTCMinutes(), tokyo.getUTCSeconds()]).toEqual([7, 0, 0]);
    const berlin = new Date(byName.get('berlin-9am')!.next_scheduled_run!);
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeStyle: 'medium' }).format(
        berlin,
      ),
    ).toBe('09:00:00');
    expect(byName.get('berlin-9am')?.target.type).toBe('Procedure');

    // Actions have the same schedule fields, checked and listed the same way.
    const badAction = await client.call<{ error: string }>('write', 'CreateAction', {
      name: 'bad-action',
      config: { schedule_format: 'Cron', schedule: '0 0 * * *' },
    });
    expect(badAction.status).toBe(400);
    expect(badAction.body.error).toContain("add the seconds: '0 0 0 * * *'");
    await client.write('CreateAction', {
      name: 'hourly-action',
      config: { schedule: 'every hour', schedule_enabled: false },
    });
    const withAction = await client.read<ScheduleItem[]>('ListSchedules', {});
    expect(withAction.find((s) => s.name === 'hourly-action')).toMatchObject({
      target: { type: 'Action' },
      enabled: false,
    });
    expect(withAction.map((s) => s.name)).not.toContain('bad-action');

    const sorted = await client.read<ScheduleItem[]>('ListSchedules', { sort_by: 'NextRun' });
    expect(
      sorted
        .slice(-2)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['hourly-action', 'switched-off']);

    const listed = await client.read<{ name: string; info: { next_scheduled_run?: number } }[]>(
      'ListProcedures',
      {},
    );
    expect(listed.find((p) => p.name === 'tokyo-4pm')?.info.next_scheduled_run).toBe(
      tokyo.getTime(),
    );
    expect(listed.find((p) => p.name === 'unscheduled')?.info.next_scheduled_run).toBeUndefined();
  });

  it('shows a user only the schedules of procedures they may read', async () => {
    const reader = api(gateway.url, await signUp(gateway.url, 'schedule-reader'));
    const { _id } = await client.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'schedule-reader',
    });
    await client.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    await client.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'schedule-reader' },
      resource_target: { type: 'Procedure', id: 'berlin-9am' },
      permission: 'Read',
    });
    const seen = await reader.read<ScheduleItem[]>('ListSchedules', {});
    expect(seen.map((s) => s.name)).toEqual(['berlin-9am']);
  });

  it('runs an every-second schedule once per tick, one replica killed midway, no tick missed', async () => {
    const created = await client.write<{ _id: { $oid: string } }>('CreateProcedure', {
      name: 'every-second',
      config: { schedule_format: 'Cron', schedule: '* * * * * *', schedule_alert: true },
    });
    const id = created._id.$oid;
    await sleep(12_000);
    // Kill a replica between two ticks (mid-second), with nothing under way.
    await sleep(1500 - (Date.now() % 1000));
    const killed = replicas[0];
    killed.child.kill('SIGKILL');
    const killedAt = Date.now();
    await exited(killed);
    await sleep(12_000);
    await client.write('UpdateProcedure', { id, config: { schedule_enabled: false } });
    await sleep(2_000);

    const events = await installation.events('');
    const claimEvents = events.filter((e) => e.stream.startsWith(`scheduleclaims-${id}-`));
    // One claim per tick, in the stream of the tick's minute: at most 60 in a stream.
    for (const e of claimEvents) {
      expect(e.stream).toBe(
        `scheduleclaims-${id}-${(e.data as Claim).tick - ((e.data as Claim).tick % 60_000)}`,
      );
    }
    const perStream = new Map<string, number>();
    for (const e of claimEvents) perStream.set(e.stream, (perStream.get(e.stream) ?? 0) + 1);
    expect(Math.max(...perStream.values())).toBeLessThanOrEqual(60);
    expect(perStream.size).toBeLessThanOrEqual(2);
    const claims = claimEvents.map((e) => e.data as Claim).sort((a, b) => a.tick - b.tick);
    expect(new Set(claims.map((c) => c.tick)).size).toBe(claims.length);
    expect(claims.length).toBeGreaterThanOrEqual(22);
    // Every second from the first tick to the last: none missed, before or after the kill.
    claims.forEach((c, i) => expect(c.tick).toBe(claims[0].tick + i * 1000));
    expect(claims.filter((c) => c.tick > killedAt).every((c) => c.replica === 'replica-b')).toBe(
      true,
    );
    expect(claims.filter((c) => c.tick > killedAt).length).toBeGreaterThanOrEqual(10);

    // Each claimed tick told once as ScheduleRun, and run once.
    const told = events.filter(
      (e) =>
        e.type === 'AlertRaised' &&
        (e.data as { type: string; target: { id: string } }).type === 'ScheduleRun' &&
        (e.data as { target: { id: string } }).target.id === id,
    );
    expect(told).toHaveLength(claims.length);
    // Each run is the one its claim named.
    await eventually(async () => {
      expect((await runIds(client, id)).sort()).toEqual(claims.map((c) => c.updateId).sort());
    }, 20_000);
  }, 90_000);
});

async function runIds(client: ApiClient, procedureId: string): Promise<string[]> {
  const updates = await client.read<{ updates: { id: string; operation: string }[] }>(
    'ListUpdates',
    { query: { 'target.type': 'Procedure', 'target.id': procedureId } },
  );
  return updates.updates.filter((u) => u.operation === 'RunProcedure').map((u) => u.id);
}

/**
 * A replica that claims a tick and dies before starting its run (the test-only hook kills it
 * right after the claim): another replica starts that run, once its claimer's grace is past,
 * as the claim named it; no tick has two runs.
 */
describe('a tick whose claimer died before starting its run', () => {
  const installation = new Replicas('takeover');

  afterAll(() => installation.stop());

  it('is started by another replica, as the claim named it, once', async () => {
    const doomed = await installation.start('procedures', 'doomed', {
      MONITOR_TESTING_SCHEDULER_DIE_AFTER_CLAIM: 'true',
    });
    const { admin: client } = await installation.startGateway();
    const created = await client.write<{ _id: { $oid: string } }>('CreateProcedure', {
      name: 'orphaned-tick',
      config: { schedule_format: 'Cron', schedule: '* * * * * *', schedule_alert: true },
    });
    const id = created._id.$oid;
    await exited(doomed);
    const claimsOf = async () =>
      (await installation.events(`scheduleclaims-${id}-`)).map((e) => e.data as Claim);
    const [orphan] = await claimsOf();
    expect(orphan.replica).toBe('doomed');
    expect(await runIds(client, id)).toEqual([]);

    const rescuer = await installation.start('procedures', 'rescuer');
    await eventually(
      async () => expect(await runIds(client, id)).toContain(orphan.updateId),
      30_000,
    );
    await eventually(
      async () =>
        expect(rescuer.output()).toContain('started for replica doomed, which claimed it'),
      5_000,
    );
    await client.write('UpdateProcedure', { id, config: { schedule_enabled: false } });
    await sleep(2_000);

    const claims = await claimsOf();
    expect(claims.filter((c) => c.replica === 'doomed')).toEqual([orphan]);
    expect(new Set(claims.map((c) => c.tick)).size).toBe(claims.length);
    await eventually(async () => {
      expect((await runIds(client, id)).sort()).toEqual(claims.map((c) => c.updateId).sort());
    }, 20_000);
    // Its ScheduleRun told once too, under the id the claim named.
    const told = (await installation.events('')).filter(
      (e) =>
        e.type === 'AlertRaised' &&
        (e.data as { id: string; type: string }).type === 'ScheduleRun' &&
        (e.data as { target: { id: string } }).target.id === id,
    );
    expect(told.map((e) => (e.data as { id: string }).id).sort()).toEqual(
      claims.map((c) => c.alertId).sort(),
    );
  }, 120_000);
});
