import { FakeHetzner } from '@monitor/testing';
import { InstanceTerminations, type TerminationAlerts } from '../instance-terminations';
import { HetznerClient } from './hetzner-client';
import { deleteHetznerServer } from './hetzner-terminate';
import { waitForAction, waitForServerRunning } from './hetzner-waits';

const WAIT = { timeoutMs: 5_000, intervalMs: 20, maxIntervalMs: 80 };

/** A launch's own alert type, kept in memory: what the deployer will store as events. */
class MemoryAlerts implements TerminationAlerts {
  readonly what = 'launched server';
  readonly open_ = new Map<string, { ownerId: string; instanceId: string; message: string }>();
  readonly resolved: string[] = [];
  open(owner: { id: string }, instanceId: string, message: string) {
    const id = `alert-${this.open_.size + this.resolved.length + 1}`;
    this.open_.set(id, { ownerId: owner.id, instanceId, message });
    return Promise.resolve(id);
  }
  resolve(alertId: string) {
    this.open_.delete(alertId);
    this.resolved.push(alertId);
    return Promise.resolve();
  }
  openOnes() {
    return [...this.open_].map(([alertId, a]) => ({ alertId, ...a }));
  }
}

describe('waiting for and cleaning up Hetzner servers, against the local Hetzner API', () => {
  let fake: FakeHetzner;
  let hetzner: HetznerClient;

  beforeEach(async () => {
    fake = await FakeHetzner.start({ runningAfterMs: 100, actionMs: 30, publicIp: '127.0.0.2' });
    hetzner = new HetznerClient({ token: fake.token, baseUrl: fake.baseUrl });
  });
  afterEach(() => fake.close());

  const launch = async (more: object = {}) => {
    const { volume } = await hetzner.createVolume({ name: 'data', size: 10, location: 'fsn1' });
    const { server, action } = await hetzner.createServer({
      name: 'web-1',
      server_type: 'cx22',
      image: 'ubuntu-24.04',
      location: 'fsn1',
      networks: [7],
      volumes: [volume.id],
      ...more,
    });
    return { server, volume, action };
  };

  it('waits for the create action and for running (through 500s), answering the address asked for', async () => {
    const { server, action } = await launch();
    expect((await waitForAction(hetzner, action.id, WAIT)).status).toBe('success');
    fake.failNext('getServer', 3, 500);
    const running = await waitForServerRunning(hetzner, server.id, true, WAIT);
    expect(running).toMatchObject({ ip: '127.0.0.2', server: { status: 'running' } });
    expect((await waitForServerRunning(hetzner, server.id, false, WAIT)).ip).toBe('127.0.0.1');
  });

  it('gives up at the timeout on a server that stays initializing, and at once on one deleted', async () => {
    fake.neverReachRunning();
    const { server } = await launch();
    await expect(
      waitForServerRunning(hetzner, server.id, true, { timeoutMs: 300, intervalMs: 50 }),
    ).rejects.toThrow(
      `Hetzner server ${server.id} was not running (still initializing) within 0.3 s`,
    );
    await hetzner.deleteServer(server.id);
    await expect(waitForServerRunning(hetzner, server.id, true, WAIT)).rejects.toThrow(
      new RegExp(`^Hetzner server ${server.id} (is deleting|does not exist)`),
    );
  });

  it('deletes the server, then its volumes; a second try finds them gone', async () => {
    const { server, volume } = await launch();
    expect(await deleteHetznerServer(hetzner, server.id, [volume.id], WAIT)).toBe(
      `server ${server.id} deleted, volume ${volume.id} deleted`,
    );
    expect(fake.runningServers()).toEqual([]);
    expect(fake.volumes()).toEqual([]);
    expect(await deleteHetznerServer(hetzner, server.id, [volume.id], WAIT)).toBe(
      `server ${server.id} already gone, volume ${volume.id} already gone`,
    );
  });

  it('retries a failed cleanup with its own alert, open until a retry succeeds', async () => {
    const { server, volume } = await launch();
    const alerts = new MemoryAlerts();
    const lines: string[] = [];
    const keep = (line: string) => void lines.push(line);
    const logger = { log: keep, warn: keep, error: keep };
    const terminations = new InstanceTerminations(
      alerts,
      { firstRetryMs: 30, maxRetryMs: 100 },
      logger,
    );
    fake.failNext('deleteVolume', 3, 503, 'maintenance');
    const result = await terminations.terminate(
      () => deleteHetznerServer(hetzner, server.id, [volume.id], WAIT),
      String(server.id),
      { id: 'template-1' },
    );
    expect(result).toMatchObject({ terminated: false, error: 'unavailable: maintenance' });
    expect(alerts.openOnes()).toEqual([
      {
        alertId: 'alert-1',
        ownerId: 'template-1',
        instanceId: String(server.id),
        message: 'unavailable: maintenance',
      },
    ]);
    await terminations.idle();
    expect(alerts.resolved).toEqual(['alert-1']);
    expect(fake.callsOf('deleteVolume')).toHaveLength(4);
    expect(fake.runningServers()).toEqual([]);
    expect(fake.volumes()).toEqual([]);
    expect(lines.join('\n')).toContain(`launched server ${server.id} terminated`);
    expect(JSON.stringify([alerts.resolved, lines])).not.toContain(fake.token);
  });

  it('fails a cleanup whose delete action ends in error (the server back as it was); a retry deletes it', async () => {
    const { server, volume } = await launch();
    fake.failNextActions('delete_server', 1, 'server is locked');
    await expect(deleteHetznerServer(hetzner, server.id, [volume.id], WAIT)).rejects.toMatchObject({
      name: 'action_failed',
      message: 'delete_server failed: server is locked',
    });
    expect(fake.runningServers().map((s) => s.id)).toEqual([server.id]);
    expect(await deleteHetznerServer(hetzner, server.id, [volume.id], WAIT)).toBe(
      `server ${server.id} deleted, volume ${volume.id} deleted`,
    );
    expect(fake.runningServers()).toEqual([]);
    expect(fake.volumes()).toEqual([]);
  });
});
