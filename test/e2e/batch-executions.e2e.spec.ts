import type { ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { storeQuiet } from '../support/quiet-store';

type BatchAnswer =
  | { status: 'Ok'; data: { target: { id: string } } }
  | { status: 'Err'; data: { name: string; error: { error: string; trace: string[] } } };

describe("Komodo's batches: pattern and tags", () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  const names = new Map<string, string>();
  let prod: string;

  beforeAll(async () => {
    monitor = await startEmbedded();
    admin = monitor.admin;
    prod = (await admin.write<{ _id: { $oid: string } }>('CreateTag', { name: 'prod' }))._id.$oid;
    await admin.write('CreateTag', { name: 'edge' });
    const tagged = { 'batch-api': ['prod'], 'batch-web': ['prod', 'edge'], 'batch-db': ['edge'] };
    for (const [name, tags] of Object.entries(tagged)) {
      const created = await admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
        name,
        tags,
      });
      names.set(created._id.$oid, name);
    }
  });
  afterAll(() => monitor.destroy());

  /** The deployments a batch ran on, by name, whether each execution was taken or refused. */
  const batch = async (params: object) => {
    const answers = await admin.execute<BatchAnswer[]>('BatchDestroyDeployment', params);
    return answers
      .map((a) => (a.status === 'Ok' ? names.get(a.data.target.id)! : a.data.name))
      .sort();
  };

  it('runs on the deployments whose name matches and that carry every tag, by name or id', async () => {
    expect(await batch({ pattern: 'batch-*' })).toEqual(['batch-api', 'batch-db', 'batch-web']);
    expect(await batch({ pattern: 'batch-*', tags: [] })).toEqual([
      'batch-api',
      'batch-db',
      'batch-web',
    ]);
    expect(await batch({ pattern: 'batch-*', tags: ['prod'] })).toEqual(['batch-api', 'batch-web']);
    expect(await batch({ pattern: '# both tags\nbatch-*', tags: [prod, 'edge'] })).toEqual([
      'batch-web',
    ]);
  });

  it('refuses an unknown tag with a 400 naming `tags`, and runs nothing', async () => {
    await storeQuiet(monitor.runtime.store);
    const before = await monitor.runtime.store.headPosition();
    const answer = await admin.call<{ error: string; code: string }>(
      'execute',
      'BatchDestroyDeployment',
      { pattern: 'batch-*', tags: ['prod', 'no-such-tag'] },
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: "tags: no tag has the name or id 'no-such-tag'",
      code: 'VALIDATION',
    });
    const badType = await admin.call('execute', 'BatchDeploy', { pattern: '*', tags: 'prod' });
    expect(badType.status).toBe(400);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });
});
