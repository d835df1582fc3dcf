import Dockerode from 'dockerode';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeImageTags } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import {
  enabledUser,
  expectRefused as refused,
  startSecurityScene,
  type SecurityScene,
} from '../../support/security';
import { completed, type UpdateView as Update } from '../../support/updates';
import { createServerBuilder } from '../../support/builders';

interface BuildView {
  config: { build_path: string; pre_build: { command: string }; extra_args: string[] };
}

/**
 * Issue 13, Builds: what a Build hands to Docker is checked when written (400 naming the field,
 * nothing changed), and its pre-build command, which runs on the builder's host, needs Terminal
 * there. The legitimate use beside each still works.
 */
describe('security: a Build is checked when written, and its pre-build needs Terminal', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let users: SecurityScene['users'];
  let grant: SecurityScene['grant'];
  const preBuild = { path: '', command: 'touch /tmp/owned-by-build', shell_mode: true };

  const build = (name: string) => admin.read<BuildView>('GetBuild', { build: name });

  beforeAll(async () => {
    ({ monitor, admin, users, grant } = await startSecurityScene(['alice', 'tom']));
    await createServerBuilder(admin, 'local-builder');
    await admin.write('CreateBuild', { name: 'web', config: { builder_id: 'local-builder' } });
    for (const user of ['alice', 'tom']) {
      await grant(user, 'Build', 'web', 'Write');
      await grant(user, 'Builder', 'local-builder', 'Read', ['Attach']);
    }
    await grant('alice', 'Server', 'local', 'Read', ['Attach']);
    await grant('tom', 'Server', 'local', 'Read', ['Attach', 'Terminal']);
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('refuses what a build would hand to Docker wrongly, naming the field, and changes nothing', async () => {
    for (const [config, message] of [
      [{ build_path: '../../etc' }, /config\.build_path/],
      [{ dockerfile_path: '/etc/passwd' }, /config\.dockerfile_path/],
      [{ build_path: 'app', dockerfile_path: 'a/../../../x' }, /config\.dockerfile_path: .*'\.\.'/],
      [{ image_name: 'Web App' }, /image_name: 'Web App' is not an image name/],
      [{ image_tag: '-x' }, /image_tag: '-x' is not an image tag/],
      [
        { secret_args: '../../x=1' },
        /config\.secret_args: secret_args line 1: '\.\.\/\.\.\/x' is not a secret id/,
      ],
      [
        { extra_args: ['--output type=local,dest=/'] },
        /extra_args: '--output' is not a build flag Monitor takes/,
      ],
      [
        { extra_args: ['--secret id=a,src=/etc/shadow'] },
        /extra_args: '--secret' is not a build flag/,
      ],
    ] as const) {
      await refused(users.tom, 'write', 'UpdateBuild', { id: 'web', config }, 400, message);
    }
    expect((await build('web')).config).toMatchObject({ build_path: '.', extra_args: [] });
  });

  it('refuses a pre-build command without Terminal on the builder’s server', async () => {
    await refused(
      users.alice,
      'write',
      'UpdateBuild',
      { id: 'web', config: { pre_build: preBuild } },
      403,
      /pre_build: runs 'touch \/tmp\/owned-by-build' on the host — which needs Terminal/,
    );
    await refused(
      users.alice,
      'write',
      'UpdateBuild',
      { id: 'web', config: { extra_args: ['--network host'] } },
      403,
      /extra_args: builds in the host's network/,
    );
    expect((await build('web')).config.pre_build.command).toBe('');
  });

  it('lets a user with Terminal on the server set the pre-build and build flags', async () => {
    await users.tom.write('UpdateBuild', {
      id: 'web',
      config: { pre_build: preBuild, build_path: 'app', extra_args: ['--pull', '--target prod'] },
    });
    expect((await build('web')).config).toMatchObject({
      pre_build: { command: preBuild.command },
      build_path: 'app',
      extra_args: ['--pull', '--target prod'],
    });
  });
  it('refuses RunBuild and CancelBuild to a user with only Read on the build, nothing run', async () => {
    const rita = (await enabledUser(monitor, 'rita')).client;
    await grant('rita', 'Build', 'web', 'Read');
    const runs = () =>
      monitor.runtime.readModel.listUpdates((u) => u.target?.type === 'Build').length;
    const before = runs();
    await refused(rita, 'execute', 'RunBuild', { build: 'web' }, 403, /Execute/);
    await refused(rita, 'execute', 'CancelBuild', { build: 'web' }, 403, /Execute/);
    await refused(rita, 'execute', 'RunBuild', { build: 'nothing-here' }, 404, /nothing-here/);
    expect(runs()).toBe(before);
  });

  it('runs a pre-build only while its writer holds Terminal: taken away, the run stops', async () => {
    const marker = join(tmpdir(), `owned-by-build-${process.pid}`);
    await users.tom.write('UpdateBuild', {
      id: 'web',
      // A repository: a pre-build runs in a checkout (never reached here).
      config: { repo: 'acme/app', pre_build: { path: '', command: `touch ${marker}` } },
    });
    await grant('tom', 'Server', 'local', 'Read', ['Attach']);
    const started = await admin.execute<Update>('RunBuild', { build: 'web' });
    const update = await completed(admin, started);
    expect(update.success).toBe(false);
    const failed = update.logs.find((l) => !l.success)!;
    expect(failed.stage).toBe('host access');
    expect(failed.stderr).toMatch(/last written by 'tom', who has no Terminal/);
    expect(existsSync(marker)).toBe(false);
    expect(update.logs.map((l) => l.stage)).not.toContain('builder');
  });

  it('lets a user with Execute on a build run it, as its writer may', async () => {
    const image = `plain-${process.pid}`;
    await admin.write('CreateBuild', {
      name: image,
      config: { builder_id: 'local-builder', dockerfile: 'FROM scratch\nLABEL monitor-test=1\n' },
    });
    const eve = (await enabledUser(monitor, 'eve')).client;
    await grant('eve', 'Build', image, 'Execute');
    try {
      const update = await completed(
        admin,
        await eve.execute<Update>('RunBuild', { build: image }),
      );
      expect(update.logs.filter((l) => !l.success)).toEqual([]);
      const versions = await eve.read<unknown[]>('ListBuildVersions', { build: image });
      expect(versions).toHaveLength(1);
    } finally {
      await removeImageTags(new Dockerode({ socketPath: '/var/run/docker.sock' }), [
        `${image}:latest`,
        `${image}:0.0.1`,
        `${image}:0.0`,
        `${image}:0`,
      ]);
    }
  }, 120_000);
});
