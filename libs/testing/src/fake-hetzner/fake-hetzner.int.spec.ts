import { HetznerClient, HetznerError, HetznerUnreachable, labelSelector } from '@monitor/cloud';
import { FakeHetzner } from './fake-hetzner';

describe("the local Hetzner API, through Monitor's Hetzner client", () => {
  let fake: FakeHetzner;
  let hetzner: HetznerClient;

  beforeEach(async () => {
    // Long enough that a loaded machine still sees `initializing` right after the create.
    fake = await FakeHetzner.start({ runningAfterMs: 500, actionMs: 20, publicIp: '127.0.0.2' });
    hetzner = new HetznerClient({ token: fake.token, baseUrl: fake.baseUrl });
  });
  afterEach(() => fake.close());

  const create = (name: string, more: object = {}) =>
    hetzner.createServer({ name, server_type: 'cx22', image: 'ubuntu-24.04', ...more });

  it('creates a server with every field a template sends, recorded as sent, initializing', async () => {
    const volume = await hetzner.createVolume({ name: 'data', size: 20, location: 'fsn1' });
    const body = {
      name: 'web-1',
      server_type: 'cpx21',
      image: 'ubuntu-24.04',
      datacenter: 'fsn1-dc14',
      ssh_keys: ['ops', 42],
      networks: [7],
      firewalls: [{ firewall: 9 }],
      placement_group: 3,
      public_net: { enable_ipv4: true, enable_ipv6: false },
      labels: { monitor: 'launch-1', team: 'web' },
      volumes: [volume.volume.id],
      automount: false,
      user_data: '#cloud-config\nruncmd: [echo hi]\n',
      start_after_create: true,
    };
    const answer = await hetzner.createServer(body);
    expect(answer.server).toMatchObject({
      name: 'web-1',
      status: 'initializing',
      labels: body.labels,
      volumes: [volume.volume.id],
      public_net: { ipv4: { ip: '127.0.0.2' }, ipv6: null },
      private_net: [{ network: 7, ip: '127.0.0.1' }],
    });
    expect(answer.action).toMatchObject({ command: 'create_server', status: 'running' });
    expect(fake.callsOf('createServer')[0].body).toEqual(body);
    expect(fake.runningServers()[0]).toMatchObject({
      userData: body.user_data,
      sshKeys: ['ops', 42],
      firewalls: [9],
      placementGroup: 3,
      datacenter: 'fsn1-dc14',
    });
    expect((await hetzner.getVolume(volume.volume.id))?.server).toBe(answer.server.id);
  });

  it('turns a server running after the delay, calling onRunning first', async () => {
    const seen: string[] = [];
    fake.onRunning((server) => {
      seen.push(`${server.name} ${server.status}`);
    });
    const { server } = await create('web-2');
    expect((await hetzner.getServer(server.id))?.status).toBe('initializing');
    await new Promise((resolve) => setTimeout(resolve, 550));
    await Promise.all([hetzner.getServer(server.id), hetzner.getServer(server.id)]);
    expect((await hetzner.getServer(server.id))?.status).toBe('running');
    expect(seen).toEqual(['web-2 initializing']);
  });

  it('refuses another token with 401, and never records a token', async () => {
    const intruder = new HetznerClient({ token: 'not-the-token', baseUrl: fake.baseUrl });
    await expect(create('web-3').then(() => intruder.listServers(''))).rejects.toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
    expect(fake.calls.map((c) => c.authorized)).toEqual([true, false]);
    expect(JSON.stringify(fake.calls)).not.toContain(fake.token);
    expect(JSON.stringify(fake.calls)).not.toContain('not-the-token');
  });

  it('turns error bodies into errors with code and message; a missing server is undefined', async () => {
    await create('web-4');
    const duplicate = await create('web-4').catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(HetznerError);
    expect(duplicate).toMatchObject({
      status: 409,
      code: 'uniqueness_error',
      name: 'uniqueness_error',
      message: "server name 'web-4' is already used",
    });
    await expect(create('web-5', { user_data: 'x'.repeat(32 * 1024 + 1) })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await hetzner.getServer(99_999)).toBeUndefined();
    expect(await hetzner.deleteServer(99_999)).toBeUndefined();
    expect(fake.runningServers().map((s) => s.name)).toEqual(['web-4']);
  });

  it('lists servers by label selector, page after page', async () => {
    await create('a', { labels: { monitor: 'l1', role: 'web' } });
    await create('b', { labels: { monitor: 'l2', role: 'web' } });
    await create('c', { labels: { monitor: 'l3' } });
    const names = async (selector: string) =>
      (await hetzner.listServers(selector)).map((s) => s.name).sort();
    expect(await names(labelSelector({ monitor: 'l2', role: 'web' }))).toEqual(['b']);
    expect(await names('role')).toEqual(['a', 'b']);
    expect(await names('!role')).toEqual(['c']);
    expect(await names('role=web,monitor!=l1')).toEqual(['b']);
    for (let i = 0; i < 52; i++) await create(`many-${i}`, { labels: { batch: 'x' } });
    expect(await hetzner.listServers('batch=x')).toHaveLength(52);
    expect(fake.callsOf('listServers').at(-1)?.query).toMatchObject({ page: '2' });
  });

  it('lists volumes by label selector, page after page', async () => {
    const volume = (name: string, labels: Record<string, string>) =>
      hetzner.createVolume({ name, size: 10, location: 'fsn1', labels });
    await volume('v1', { 'monitor-launch': 'u1' });
    await volume('v2', { 'monitor-launch': 'u2', team: 'web' });
    const names = async (selector: string) =>
      (await hetzner.listVolumes(selector)).map((v) => v.name).sort();
    expect(await names('monitor-launch==u2')).toEqual(['v2']);
    expect(await names('monitor-launch')).toEqual(['v1', 'v2']);
    expect(await names('!team')).toEqual(['v1']);
    for (let i = 0; i < 51; i++) await volume(`many-${i}`, { batch: 'x' });
    expect(await hetzner.listVolumes('batch=x')).toHaveLength(51);
    expect(fake.callsOf('listVolumes').at(-1)?.query).toMatchObject({ page: '2' });
    await expect(hetzner.listVolumes('team in (web)')).rejects.toMatchObject({ status: 400 });
  });

  it('retries a 429 once its RateLimit-Reset has passed, and gives up after the retries', async () => {
    fake.failNext('createServer', 1, 429, 'rate limit exceeded');
    const { server } = await create('web-6');
    const [first, second] = fake.callsOf('createServer');
    expect(second.at).toBeGreaterThanOrEqual(Math.floor(first.at / 1000) * 1000 + 1000 - 5);
    expect(fake.runningServers().map((s) => s.id)).toEqual([server.id]);
    const impatient = new HetznerClient({
      token: fake.token,
      baseUrl: fake.baseUrl,
      rateLimitRetries: 0,
    });
    fake.failNext('getServer', 1, 429);
    await expect(impatient.getServer(server.id)).rejects.toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
    });
  });

  it('fails the next calls as asked, then answers again', async () => {
    const { server } = await create('web-7');
    fake.failNext('getServer', 2, 500);
    for (let i = 0; i < 2; i++)
      await expect(hetzner.getServer(server.id)).rejects.toMatchObject({
        status: 500,
        code: 'service_error',
      });
    expect((await hetzner.getServer(server.id))?.name).toBe('web-7');
  });

  it('drops the connection after a create: the server exists, the client sees it unreachable', async () => {
    fake.dropConnectionAfterNext('createServer');
    const dropped = await create('web-8', { labels: { monitor: 'u1' } }).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(HetznerUnreachable);
    expect((dropped as Error).message).toMatch(/^Hetzner POST \/servers: /);
    const found = await hetzner.listServers('monitor=u1');
    expect(found.map((s) => s.name)).toEqual(['web-8']);
  });

  it('deletes a server (its volumes stay, detached) and then its volumes', async () => {
    const { server } = await create('web-9');
    const { volume } = await hetzner.createVolume({ name: 'v9', size: 10, server: server.id });
    expect((await hetzner.getServer(server.id))?.volumes).toEqual([volume.id]);
    await expect(hetzner.deleteVolume(volume.id)).rejects.toMatchObject({ code: 'locked' });
    const action = await hetzner.deleteServer(server.id);
    expect(action).toMatchObject({ command: 'delete_server', status: 'running' });
    expect(fake.runningServers()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await hetzner.getAction(action!.id)).toMatchObject({ status: 'success' });
    expect(await hetzner.getServer(server.id)).toBeUndefined();
    expect(fake.volumes()).toMatchObject([{ id: volume.id, server: null }]);
    expect(await hetzner.deleteVolume(volume.id)).toBe(true);
    expect(await hetzner.deleteVolume(volume.id)).toBe(false);
    expect(fake.volumes()).toEqual([]);
  });

  it('checks volumes as Hetzner does', async () => {
    await expect(
      hetzner.createVolume({ name: 'tiny', size: 5, location: 'fsn1' }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_input' });
    await expect(hetzner.createVolume({ name: 'nowhere', size: 10 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const { volume } = await hetzner.createVolume({ name: 'ok', size: 10, location: 'nbg1' });
    expect(volume).toMatchObject({ status: 'creating', size: 10, server: null });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await hetzner.getVolume(volume.id))?.status).toBe('available');
  });

  it('ends the next actions of a command in error as asked: a failed create leaves the server off', async () => {
    fake.failNextActions('create_server', 1, 'no capacity in fsn1');
    const { server, action } = await create('web-10');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await hetzner.getAction(action.id)).toMatchObject({
      status: 'error',
      error: { code: 'action_failed', message: 'no capacity in fsn1' },
    });
    expect((await hetzner.getServer(server.id))?.status).toBe('off');
    expect(fake.runningServers().map((s) => s.id)).toEqual([server.id]);
  });
});
