import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, expectRefused } from '../../support/security';

describe('security: Actions', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let user: ApiClient;

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    admin = monitor.admin;
    user = (await enabledUser(monitor, 'scripter')).client;
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
});
