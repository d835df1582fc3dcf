import { api, type ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { freePort } from '../../support/free-port';
import { enabledUser, expectRefused, grant } from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';

// Prints the run's API key as is (masked in the Update) and reversed (which no mask knows), and
// shows it works while the run lasts.
const LEAKING = `
const key = JSON.parse((await import('node:fs')).readFileSync('context.json', 'utf8'));
console.log('plain', key.secret);
console.log('worked', (await monitor.read('ListActions', {})).length > 0);
console.log('reversed', [...key.key].reverse().join(''), [...key.secret].reverse().join(''));
`;

// Tries what only an admin may: create an Action.
const ESCALATING = `
try {
  await monitor.write('CreateAction', { name: 'made-by-script', config: {} });
  console.log('created');
} catch (error) {
  console.log('refused', error.status);
}
`;

describe('security: Actions', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let user: ApiClient;
  let userId: string;

  beforeAll(async () => {
    const port = await freePort();
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_PORT: String(port),
      MONITOR_ACTIONS_API_URL: `http://127.0.0.1:${port}`,
    });
    admin = monitor.admin;
    user = (await enabledUser(monitor, 'scripter')).client;
    userId = (await admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'scripter' }))._id
      .$oid;
  });
  afterAll(() => monitor.destroy());

  it('only admins create Actions, as in Komodo: a user is refused, nothing is stored', async () => {
    // An action runs code on the core with its author's API access: a user who could create
    // one would run code there.
    const before = await monitor.runtime.store.headPosition();
    await expectRefused(
      user,
      'write',
      'CreateAction',
      { name: 'probe', config: { file_contents: 'console.log(1)' } },
      403,
      /^only admins may create Actions/,
    );
    expect(await monitor.runtime.store.headPosition()).toBe(before);
    expect(await admin.read<unknown[]>('ListActions')).toEqual([]);
  });

  it('an admin creates an Action with Komodo config, reload_deno_deps accepted', async () => {
    await admin.write('CreateAction', {
      name: 'hello',
      config: {
        file_contents: 'console.log("hello")',
        arguments_format: 'json',
        arguments: '{"a":1}',
        reload_deno_deps: true,
      },
    });
    const action = await admin.read<{ config: Record<string, unknown> }>('GetAction', {
      action: 'hello',
    });
    expect(action.config).toMatchObject({
      file_contents: 'console.log("hello")',
      arguments_format: 'json',
      arguments: '{"a":1}',
      run_at_startup: false,
    });
  });

  it('a bad arguments_format is a 400 naming the field, nothing stored', async () => {
    const before = await monitor.runtime.store.headPosition();
    const answer = await admin.call<{ error: string }>('write', 'CreateAction', {
      name: 'bad',
      config: { arguments_format: 'xml' },
    });
    expect([answer.status, answer.body.error]).toEqual([
      400,
      expect.stringContaining('arguments_format'),
    ]);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });

  it('a user with Read only on an Action cannot RunAction: 403, nothing runs', async () => {
    const { _id } = await admin.write<{ _id: { $oid: string } }>('CreateAction', {
      name: 'read-only',
      config: { file_contents: 'console.log(1)' },
    });
    await grant(admin, userId, { type: 'Action', id: _id.$oid }, 'Read');
    const before = await monitor.runtime.store.headPosition();
    await expectRefused(user, 'execute', 'RunAction', { action: 'read-only' }, 403, /Execute/);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });

  it("the run's API key is masked in the Update and refused once the run is over", async () => {
    await admin.write('CreateAction', { name: 'leaking', config: { file_contents: LEAKING } });
    const started = await admin.execute<UpdateView>('RunAction', { action: 'leaking' });
    const update = await completed(admin, started);
    const stdout = update.logs.find((l) => l.stage === 'Execute Action')!.stdout;
    expect(update.success).toBe(true);
    expect(stdout).not.toMatch(/plain S-/);
    expect(stdout).toContain('worked true');
    const [, key, secret] = /reversed (\S+) (\S+)/.exec(stdout)!;
    const reverse = (text: string) => [...text].reverse().join('');
    const leaked = api(monitor.url, { key: reverse(key), secret: reverse(secret) });
    const answer = await leaked.call('read', 'ListActions');
    expect(answer.status).toBe(401);
  });

  it('an action can do no more than its author: a user-written one cannot create an Action', async () => {
    const { _id } = await admin.write<{ _id: { $oid: string } }>('CreateAction', {
      name: 'escalating',
      config: {},
    });
    await grant(admin, userId, { type: 'Action', id: _id.$oid }, 'Write');
    // The user's write makes them the author the script runs as.
    await user.write('UpdateAction', { id: 'escalating', config: { file_contents: ESCALATING } });
    const update = await completed(
      admin,
      await admin.execute<UpdateView>('RunAction', { action: 'escalating' }),
    );
    expect(update.logs.find((l) => l.stage === 'Execute Action')!.stdout).toBe('refused 403\n');
    const names = (await admin.read<{ name: string }[]>('ListActions')).map((a) => a.name);
    expect(names).not.toContain('made-by-script');
  });

  it('a [[SECRET]] in the script is filled in for it and masked in the Update', async () => {
    const secret = 'action-secret-5521';
    await admin.write('CreateVariable', { name: 'ACTION_TOKEN', value: secret, is_secret: true });
    await admin.write('CreateAction', {
      name: 'secret-user',
      config: {
        file_contents:
          "const token = '[[ACTION_TOKEN]]';\nconsole.log('token', token, token.length);",
      },
    });
    const update = await completed(
      admin,
      await admin.execute<UpdateView>('RunAction', { action: 'secret-user' }),
    );
    const stdout = update.logs.find((l) => l.stage === 'Execute Action')!.stdout;
    expect(update.success).toBe(true);
    expect(stdout).toContain(` ${secret.length}`);
    expect(JSON.stringify(update)).not.toContain(secret);
  });
});
