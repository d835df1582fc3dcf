import type { ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

/** [verb, request, params or raw body, expected status, a piece of the error message]. */
type Case = [string, string, unknown, number, string];

const CASES: Case[] = [
  ['read', 'NoSuchRequest', {}, 404, "unknown request 'NoSuchRequest'"],
  ['frobnicate', 'GetVersion', {}, 404, "unknown request 'GetVersion'"],
  ['write', 'CreateDeployment', '{"name": "x",', 400, 'not valid JSON'],
  ['write', 'CreateDeployment', [1, 2], 400, 'JSON object'],
  ['write', 'CreateDeployment', {}, 400, 'name'],
  ['write', 'CreateDeployment', { name: 42 }, 400, 'name must be a string'],
  ['write', 'CreateDeployment', { name: '' }, 400, 'name'],
  ['write', 'CreateDeployment', { name: ' padded' }, 400, 'white space'],
  ['write', 'CreateDeployment', { name: 'x', config: 'nope' }, 400, 'config'],
  ['write', 'CreateDeployment', { name: 'x', config: { no_such_field: 1 } }, 400, 'no_such_field'],
  ['write', 'CreateDeployment', { name: 'x', config: { network: 5 } }, 400, 'network'],
  ['write', 'CreateDeployment', { name: 'existing' }, 409, "named 'existing' already exists"],
  [
    'write',
    'CreateDeployment',
    { name: 'x', config: { server_id: 'ghost' } },
    400,
    "config.server_id: no Server has the name or id 'ghost'",
  ],
  ['write', 'CreateDeployment', { name: 'x', extra: true }, 400, 'extra'],
  ['write', 'UpdateDeployment', { id: 'ghost', config: {} }, 404, "'ghost'"],
  ['write', 'UpdateDeployment', { id: 'existing' }, 400, 'config'],
  [
    'write',
    'UpdateDeployment',
    { id: 'existing', config: { restart: 'sometimes' } },
    400,
    'restart',
  ],
  ['write', 'UpdateDeployment', { id: 'existing', config: { ports: 7 } }, 400, 'ports'],
  [
    'write',
    'RenameDeployment',
    { id: 'existing', name: 'other' },
    409,
    "named 'other' already exists",
  ],
  ['write', 'RenameDeployment', { id: 'existing' }, 400, 'name'],
  ['write', 'DeleteDeployment', { id: 'ghost' }, 404, "'ghost'"],
  ['write', 'CopyDeployment', { id: 'ghost', name: 'copy' }, 404, "'ghost'"],
  ['read', 'GetDeployment', {}, 400, 'deployment'],
  ['read', 'GetDeployment', { deployment: 'existing', junk: 1 }, 400, 'junk'],
  ['read', 'GetDeployment', { deployment: 'ghost' }, 404, "'ghost'"],
  ['write', 'CreateServer', { name: 's', config: { cpu_warning: 'high' } }, 400, 'cpu_warning'],
  ['write', 'CreateServer', { name: 's', config: { cpu_warning: 150 } }, 400, 'cpu_warning'],
  ['write', 'CreateServer', { name: 's', config: { enabled: 'yes' } }, 400, 'enabled'],
  [
    'write',
    'CreateStack',
    { name: 'st', config: { run_directory: '../escape' } },
    400,
    'run_directory',
  ],
  [
    'write',
    'CreateStack',
    { name: 'st', config: { file_paths: ['/etc/passwd'] } },
    400,
    'file_paths',
  ],
  [
    'write',
    'CreateBuild',
    { name: 'b', config: { builder_id: 'ghost' } },
    400,
    'config.builder_id',
  ],
  ['write', 'CreateWidget', { name: 'w' }, 404, "unknown request 'CreateWidget'"],
  [
    'write',
    'UpdateResourceMeta',
    { target: { type: 'Widget', id: 'x' }, tags: [] },
    400,
    'type must be one of',
  ],
  [
    'write',
    'UpdateTagsOnResource',
    { target: { type: 'Deployment', id: 'existing' }, tags: ['ghost-tag'] },
    400,
    "no tag has the name or id 'ghost-tag'",
  ],
  ['write', 'CreateTag', { name: 't', color: 'Mauve' }, 400, 'color'],
  ['write', 'CreateTag', { name: 'taken' }, 409, "tag named 'taken' already exists"],
  ['read', 'GetResourceHistory', {}, 400, 'target'],
  [
    'read',
    'GetResourceAt',
    { target: { type: 'Deployment', id: 'existing' }, revision: -1 },
    400,
    'revision',
  ],
  ['read', 'ListUpdates', { page: 'x' }, 400, 'page'],
  ['read', 'GetUpdate', { id: 'ghost' }, 404, "'ghost'"],
];

describe('bad input gets a clear 4xx and changes nothing', () => {
  let monitor: EmbeddedMonitor;
  let client: ApiClient;

  beforeAll(async () => {
    monitor = await startEmbedded();
    client = monitor.admin;
    await client.write('CreateDeployment', { name: 'existing' });
    await client.write('CreateDeployment', { name: 'other' });
    await client.write('CreateTag', { name: 'taken' });
  });
  afterAll(() => monitor.destroy());

  it.each(CASES)('%s/%s %j -> %i', async (verb, request, params, status, message) => {
    const before = await monitor.runtime.store.headPosition();
    const answer = await client.call<{ error: string; trace: string[] }>(verb, request, params);
    expect(answer.status).toBe(status);
    expect(typeof answer.body.error).toBe('string');
    expect(Array.isArray(answer.body.trace)).toBe(true);
    expect(`${answer.body.error} ${answer.body.trace.join(' ')}`).toContain(message);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });

  it('answers 413 to a body over 1 MiB and changes nothing', async () => {
    const before = await monitor.runtime.store.headPosition();
    const answer = await client.call('write', 'CreateDeployment', {
      name: 'big',
      description: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(answer.status).toBe(413);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });
});
