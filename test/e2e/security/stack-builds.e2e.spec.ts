import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, expectRefused, grant, startWithLocalAgent } from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';

type Named = { name: string };

/**
 * Issue 13: a Stack with `run_build` runs `compose build`, which reads the host. What a build
 * section reaches outside the stack's folder is host power (Terminal, or the server's policy),
 * refused when written by a user without it; `build_extra_args` is a closed list of flags.
 */
describe('security: what a compose build reads of its host', () => {
  let monitor: EmbeddedMonitor;
  let alice: ApiClient;
  const stackNames = async () =>
    (await monitor.admin.read<Named[]>('ListStacks')).map((s) => s.name);
  const compose = (build: string, extra = '') =>
    `services:\n  app:\n    image: x\n    build:\n${build}${extra}`;

  beforeAll(async () => {
    monitor = await startWithLocalAgent();
    alice = (await enabledUser(monitor, 'alice')).client;
    await grant(monitor.admin, 'alice', { type: 'Server', id: 'local' }, 'Read', ['Attach']);
  }, 60_000);
  afterAll(() => monitor?.destroy());

  it.each([
    [
      'a context outside the folder',
      '      context: /etc\n',
      '',
      /service app: build: binds \/etc/,
    ],
    [
      'a context climbing out',
      '      context: ../other-stack\n',
      '',
      /build: binds \.\.\/other-stack, outside its folder/,
    ],
    [
      'a Dockerfile outside',
      '      context: .\n      dockerfile: /root/Dockerfile\n',
      '',
      /build: dockerfile: binds \/root\/Dockerfile/,
    ],
    [
      'an additional context outside',
      '      context: .\n      additional_contexts: ["keys=/root/.ssh"]\n',
      '',
      /additional_contexts: binds \/root\/.ssh/,
    ],
    [
      'a secrets file',
      '      context: .\n      secrets: [shadow]\n',
      'secrets:\n  shadow:\n    file: /etc/shadow\n',
      /secrets shadow: binds \/etc\/shadow/,
    ],
    [
      "the host's SSH agent",
      '      context: .\n      ssh: [default]\n',
      '',
      /ssh default lends the build the host's SSH agent/,
    ],
    [
      "the host's network",
      '      context: .\n      network: host\n',
      '',
      /build: uses the host's network \(network: host\)/,
    ],
  ])(
    'refuses a user without Terminal a build with %s, nothing stored',
    async (_, build, extra, why) => {
      await expectRefused(
        alice,
        'write',
        'CreateStack',
        {
          name: 'reach',
          config: { server_id: 'local', run_build: true, file_contents: compose(build, extra) },
        },
        403,
        new RegExp(`file_contents: .*${why.source}`),
      );
      expect(await stackNames()).not.toContain('reach');
    },
  );

  it.each([
    [['--ssh default'], /'--ssh' is not a compose build flag/],
    [['--push'], /'--push' is not a compose build flag/],
    [['--build-arg MONITOR_PASSKEY'], /--build-arg: must be KEY=VALUE/],
  ])(
    'refuses build_extra_args %j with a 400 naming the field, nothing stored',
    async (args, why) => {
      const answer = await alice.call<{ error: string; code: string }>('write', 'CreateStack', {
        name: 'flags',
        config: { server_id: 'local', run_build: true, build_extra_args: args },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(new RegExp(`build_extra_args: ${why.source}`));
      expect(await stackNames()).not.toContain('flags');
    },
  );

  it('lets the same user write a build of the folder with flags of the list', async () => {
    await alice.write('CreateStack', {
      name: 'own-build',
      config: {
        server_id: 'local',
        run_build: true,
        build_extra_args: ['--no-cache', '--build-arg MODE=prod'],
        file_contents: compose('      context: ./app\n      extra_hosts: ["db:10.0.0.2"]\n'),
      },
    });
    expect(await stackNames()).toContain('own-build');
  });

  it('checks a compose file from the host again at the deploy: a build of /etc never runs', async () => {
    const stack = await alice.write<{ _id: { $oid: string } }>('CreateStack', {
      name: 'host-build',
      config: {
        server_id: 'local',
        files_on_host: true,
        auto_pull: false,
        run_build: true,
        project_name: `sec-build-${process.pid}`,
      },
    });
    const folder = join(monitor.dataDir, 'periphery', 'stacks', stack._id.$oid);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'compose.yaml'), compose('      context: /etc\n'));
    const update = await completed(
      alice,
      await alice.execute<UpdateView>('DeployStack', { stack: 'host-build' }),
    );
    expect(update.success).toBe(false);
    expect(update.logs.at(-1)).toMatchObject({ stage: 'host access', success: false });
    expect(update.logs.at(-1)?.stderr).toMatch(/compose\.yaml: service app: build: binds \/etc/);
    expect(update.logs.map((l) => l.stage)).not.toContain('Compose Build');
  }, 60_000);
});
