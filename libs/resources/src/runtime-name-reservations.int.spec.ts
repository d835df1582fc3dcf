import { randomBytes } from 'node:crypto';
import { containerNameCategory, nameStream, runtimeNameHolder } from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { ReadModel } from '@monitor/projections';
import { Keyring } from '@monitor/secrets';
import { ConfigSecrets } from './config-secrets';
import { NameRegistry } from './name-registry';
import { ResourceCommands } from './resource-commands';
import { RuntimeNameReservations } from './runtime-name-reservations';

const meta = { userId: 'u1', via: 'api' as const, correlationId: 'c1' };

describe('container names and compose projects, reserved per server', () => {
  let store: MemoryEventStore;
  let readModel: ReadModel;
  let commands: ResourceCommands;
  let reservations: RuntimeNameReservations;
  let server: string;
  let other: string;

  beforeEach(async () => {
    store = new MemoryEventStore();
    readModel = new ReadModel();
    readModel.start(store);
    const keyring = Keyring.fromBase64(randomBytes(32).toString('base64'));
    commands = new ResourceCommands(store, readModel, new ConfigSecrets(keyring));
    reservations = new RuntimeNameReservations(store, new NameRegistry(store));
    server = (await commands.create('Server', { name: 'one' }, meta)).id;
    other = (await commands.create('Server', { name: 'two' }, meta)).id;
  });
  afterEach(async () => {
    await readModel.stop();
    await store.close();
  });

  const deployment = (name: string, config: Record<string, unknown>) =>
    commands.create('Deployment', { name, config }, meta);

  it("refuses a Deployment whose container name is another's on the same server, naming it", async () => {
    await deployment('victim', { server_id: server });
    await expect(
      deployment('attacker', { server_id: server, custom_name: 'victim' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        "config.custom_name: the container name 'victim' is taken on this server by Deployment 'victim'; choose another",
    });
    // Nothing was written: the attacker's name is free again.
    await expect(deployment('attacker', { server_id: server })).resolves.toBeDefined();
    // Another server is another namespace.
    await expect(
      deployment('elsewhere', { server_id: other, custom_name: 'victim' }),
    ).resolves.toBeDefined();
  });

  it('takes the name on update and rename, and gives it back on change and delete', async () => {
    const a = (await deployment('a', { server_id: server })).id;
    await deployment('b', { server_id: server });
    await expect(
      commands.update('Deployment', a, { custom_name: 'b' }, meta),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(commands.rename('Deployment', a, 'b-2', meta)).resolves.toBeDefined();
    // 'a' was given back by the rename: another may take it.
    await expect(deployment('c', { server_id: server, custom_name: 'a' })).resolves.toBeDefined();
    await commands.update('Deployment', a, { server_id: other }, meta);
    await expect(deployment('d', { server_id: server, custom_name: 'b-2' })).resolves.toBeDefined();
    await commands.delete('Deployment', a, meta);
    await expect(deployment('e', { server_id: other, custom_name: 'b-2' })).resolves.toBeDefined();
  });

  it('refuses a copy that would share the container name', async () => {
    await deployment('web', { server_id: server, custom_name: 'web-1' });
    await expect(commands.copy('Deployment', 'web', 'web-copy', meta)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining("Deployment 'web'"),
    });
  });

  it('refuses a name held by a resource written before names were reserved', async () => {
    const old = await deployment('old', { server_id: server });
    // As an installation from before: the Deployment holds its container name unreserved.
    await new NameRegistry(store).release(
      containerNameCategory(server),
      'old',
      runtimeNameHolder('Deployment', old.id),
      meta,
    );
    await readModel.waitFor(await store.headPosition());
    await expect(
      deployment('new', { server_id: server, custom_name: 'old' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining("by Deployment 'old'"),
    });
    // Its own next write reserves it.
    await commands.update('Deployment', old.id, { environment: 'A=1' }, meta);
    expect(await new NameRegistry(store).holder(containerNameCategory(server), 'old')).toBe(
      runtimeNameHolder('Deployment', old.id),
    );
  });

  it('frees a reservation its holder never came to claim, once it is old', async () => {
    const reserveFor = (name: string, at: number) =>
      store.append(
        nameStream(containerNameCategory(server), name),
        [
          {
            id: `reserve-${name}`,
            type: 'NameReserved',
            data: { category: containerNameCategory(server), name, holder: 'Deployment:ghost' },
            metadata: { ...meta, causationId: 'c1', at },
          },
        ],
        'no_stream',
      );
    await reserveFor('fresh', Date.now());
    await expect(
      deployment('x', { server_id: server, custom_name: 'fresh' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is being taken on this server by another write'),
    });
    await reserveFor('stale', Date.now() - 10 * 60_000);
    await expect(
      deployment('y', { server_id: server, custom_name: 'stale' }),
    ).resolves.toBeDefined();
  });

  it("refuses a Stack whose compose project is another Stack's on the same server", async () => {
    await commands.create('Stack', { name: 'shop', config: { server_id: server } }, meta);
    await expect(
      commands.create(
        'Stack',
        { name: 'evil', config: { server_id: server, project_name: 'shop' } },
        meta,
      ),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        "config.project_name: the compose project 'shop' is taken on this server by Stack 'shop'; choose another",
    });
  });

  it("lets container: networks join only another Deployment's container on the same server", async () => {
    const db = await deployment('db', { server_id: server });
    await expect(
      deployment('app', { server_id: server, network: 'container:db' }),
    ).resolves.toBeDefined();
    expect((await reservations.deploymentOfContainer(server, 'db'))?.id).toBe(db.id);
    for (const network of ['container:hand-made', 'container:app']) {
      await expect(
        deployment(`x-${network.length}`, { server_id: other, network }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { field: 'config.network' },
      });
    }
    await expect(
      deployment('self', { server_id: server, network: 'container:self' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
