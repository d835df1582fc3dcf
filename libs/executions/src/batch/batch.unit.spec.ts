import { randomBytes } from 'node:crypto';
import type { Resource } from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { ReadModel } from '@monitor/projections';
import { ConfigSecrets, ResourceCommands, TagCommands } from '@monitor/resources';
import { Keyring } from '@monitor/secrets';
import { batchTargets, runBatch } from './batch';

const meta = { userId: 'u1', via: 'api' as const, correlationId: 'c1' };

describe('batches: which resources, and one answer each', () => {
  let store: MemoryEventStore;
  let readModel: ReadModel;
  let prod: string;
  const anyone = () => true;
  const names = (resources: Resource[]) => resources.map((r) => r.name);

  beforeAll(async () => {
    store = new MemoryEventStore();
    readModel = new ReadModel();
    readModel.start(store);
    const keyring = Keyring.fromBase64(randomBytes(32).toString('base64'));
    const resources = new ResourceCommands(store, readModel, new ConfigSecrets(keyring));
    const tags = new TagCommands(store, readModel, resources);
    prod = (await tags.create('prod', undefined, meta)).id;
    const edge = (await tags.create('edge', undefined, meta)).id;
    const tagged = { 'api-1': [prod], 'api-2': [prod, edge], web: [edge], db: [] };
    for (const [name, ids] of Object.entries(tagged)) {
      await resources.create('Deployment', { name }, meta);
      if (ids.length) await resources.updateTags('Deployment', name, ids, meta);
    }
    await resources.create('Stack', { name: 'api-3' }, meta);
    await readModel.waitFor(await store.headPosition());
  });
  afterAll(async () => {
    await readModel.stop();
    await store.close();
  });

  it('takes the resources of the kind whose name the pattern matches, by name', () => {
    const pick = (pattern: string) =>
      names(batchTargets(readModel, 'Deployment', { pattern }, anyone));
    expect(pick('api-*, web')).toEqual(['api-1', 'api-2', 'web']);
    expect(pick('# the database only\ndb')).toEqual(['db']);
    expect(pick('\\^nothing$\\')).toEqual([]);
  });

  it("keeps only those carrying every tag asked for, by name or id, as Komodo's `tags`", () => {
    const pick = (tags: string[]) =>
      names(batchTargets(readModel, 'Deployment', { pattern: '*', tags }, anyone));
    expect(pick([])).toEqual(['api-1', 'api-2', 'db', 'web']);
    expect(pick(['prod'])).toEqual(['api-1', 'api-2']);
    expect(pick([prod, 'edge'])).toEqual(['api-2']);
  });

  it('leaves out what the caller may not execute', () => {
    const may = (r: Resource) => r.name !== 'api-1';
    expect(names(batchTargets(readModel, 'Deployment', { pattern: 'api-*' }, may))).toEqual([
      'api-2',
    ]);
  });

  it('refuses an unknown tag and an unusable pattern, naming the field', () => {
    expect(() =>
      batchTargets(readModel, 'Deployment', { pattern: '*', tags: ['prod', 'nope'] }, anyone),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: "tags: no tag has the name or id 'nope'",
        details: { field: 'tags' },
      }),
    );
    expect(() => batchTargets(readModel, 'Deployment', { pattern: '\\(a)\\1\\' }, anyone)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(/^pattern: .*not a regular expression RE2 accepts/),
        details: { field: 'pattern' },
      }),
    );
  });

  it("answers each target in order, a failure as that target's Err in Komodo's shape", async () => {
    const targets = batchTargets(readModel, 'Deployment', { pattern: 'api-*, db' }, anyone);
    const answers = await runBatch(targets, async (target) => {
      if (target.name === 'api-2') throw new Error('server unreachable');
      return target.name.toUpperCase();
    });
    expect(answers).toEqual([
      { status: 'Ok', data: 'API-1' },
      { status: 'Err', data: { name: 'api-2', error: { error: 'server unreachable', trace: [] } } },
      { status: 'Ok', data: 'DB' },
    ]);
  });
});
