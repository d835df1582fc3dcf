import Dockerode from 'dockerode';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeImageTags } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import {
  expectRefused as refused,
  startSecurityScene,
  type SecurityScene,
} from '../../support/security';
import { completed, type UpdateView as Update } from '../../support/updates';
import { createServerBuilder } from '../../support/builders';

/**
 * Issue 13, Builds: a build from `dockerfile` contents alone now runs its pre-build command on
 * the builder's host, so the host power it needs (Terminal on the builder's server) is checked
 * for it as for a checkout: when the command is written, and again when the build runs. A build
 * of the files on the host (`files_on_host`) reads the host: Terminal too, at both times.
 */
describe('security: the pre-build of a build without a repository, and files on the host, need Terminal', () => {
  const marker = join(tmpdir(), `owned-by-pre-build-${process.pid}`);
  const image = `pre-build-power-${process.pid}`;
  const preBuild = { path: '', command: `touch ${marker}` };
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let users: SecurityScene['users'];
  let grant: SecurityScene['grant'];
  const preBuildOf = async () =>
    (await admin.read<{ config: { pre_build: { command: string } } }>('GetBuild', { build: image }))
      .config.pre_build.command;

  beforeAll(async () => {
    ({ monitor, admin, users, grant } = await startSecurityScene(['alice', 'tom']));
    await createServerBuilder(admin, 'local-builder');
    await admin.write('CreateBuild', {
      name: image,
      config: { builder_id: 'local-builder', dockerfile: 'FROM scratch\nLABEL monitor-test=1\n' },
    });
    for (const user of ['alice', 'tom']) {
      await grant(user, 'Build', image, 'Write');
      await grant(user, 'Builder', 'local-builder', 'Read', ['Attach']);
    }
    await grant('alice', 'Server', 'local', 'Read', ['Attach']);
    await grant('tom', 'Server', 'local', 'Read', ['Attach', 'Terminal']);
  }, 60_000);

  afterAll(async () => {
    rmSync(marker, { force: true });
    await removeImageTags(
      new Dockerode({ socketPath: '/var/run/docker.sock' }),
      ['latest', '0.0.1', '0.0', '0'].map((tag) => `${image}:${tag}`),
    );
    await monitor?.destroy();
  });

  it('refuses the pre-build to a writer without Terminal on the builder’s server, nothing changed', async () => {
    await refused(
      users.alice,
      'write',
      'UpdateBuild',
      { id: image, config: { pre_build: preBuild } },
      403,
      /pre_build: runs 'touch .*' on the host — which needs Terminal/,
    );
    expect(await preBuildOf()).toBe('');
  });

  it('lets a writer with Terminal set it, and the build runs it', async () => {
    await users.tom.write('UpdateBuild', { id: image, config: { pre_build: preBuild } });
    expect(await preBuildOf()).toBe(preBuild.command);
    const update = await completed(
      admin,
      await admin.execute<Update>('RunBuild', { build: image }),
      120_000,
    );
    expect(update.logs.filter((l) => !l.success)).toEqual([]);
    expect(update.logs.map((l) => l.stage)).toContain('Pre Build');
    expect(existsSync(marker)).toBe(true);
  }, 150_000);

  it('runs it only while its writer holds Terminal: taken away, the run stops before the builder', async () => {
    rmSync(marker, { force: true });
    await grant('tom', 'Server', 'local', 'Read', ['Attach']);
    const update = await completed(
      admin,
      await admin.execute<Update>('RunBuild', { build: image }),
    );
    expect(update.success).toBe(false);
    const failed = update.logs.find((l) => !l.success)!;
    expect(failed.stage).toBe('host access');
    expect(failed.stderr).toMatch(/last written by 'tom', who has no Terminal/);
    expect(update.logs.map((l) => l.stage)).not.toContain('builder');
    expect(existsSync(marker)).toBe(false);
  });
  it('refuses files_on_host to a writer without Terminal: the build would read the host', async () => {
    await refused(
      users.alice,
      'write',
      'UpdateBuild',
      { id: image, config: { files_on_host: true } },
      403,
      /files_on_host: builds the files in the build's folder on the host — which needs Terminal/,
    );
    const { config } = await admin.read<{ config: { files_on_host: boolean } }>('GetBuild', {
      build: image,
    });
    expect(config.files_on_host).toBe(false);
  });

  it('builds files on the host only while its writer holds Terminal', async () => {
    await grant('tom', 'Server', 'local', 'Read', ['Attach', 'Terminal']);
    await users.tom.write('UpdateBuild', {
      id: image,
      config: { files_on_host: true, pre_build: { path: '', command: '' } },
    });
    await grant('tom', 'Server', 'local', 'Read', ['Attach']);
    const update = await completed(
      admin,
      await admin.execute<Update>('RunBuild', { build: image }),
    );
    expect(update.success).toBe(false);
    const failed = update.logs.find((l) => !l.success)!;
    expect(failed.stage).toBe('host access');
    expect(failed.stderr).toMatch(/files_on_host: builds the files in the build's folder/);
    expect(update.logs.map((l) => l.stage)).not.toContain('builder');
  });

  it('runs an admin’s pre-build on an Url builder: admins hold Terminal on a Builder, others only when granted', async () => {
    const passkey = readFileSync(join(monitor.dataDir, 'local-agent.passkey'), 'utf8').trim();
    const local = monitor.runtime.readModel.resource('Server', 'local')!;
    const builder = `url-builder-${process.pid}`;
    await admin.write('CreateBuilder', {
      name: builder,
      config: { type: 'Url', params: { address: local.config.address, passkey } },
    });
    const build = `${image}-url`;
    await admin.write('CreateBuild', {
      name: build,
      config: {
        builder_id: builder,
        dockerfile: 'FROM scratch\nLABEL monitor-test=1\n',
        pre_build: preBuild,
      },
    });
    rmSync(marker, { force: true });
    const update = await completed(
      admin,
      await admin.execute<Update>('RunBuild', { build }),
      120_000,
    );
    expect(update.logs.filter((l) => !l.success)).toEqual([]);
    expect(existsSync(marker)).toBe(true);

    await grant('alice', 'Build', build, 'Write');
    await grant('alice', 'Builder', builder, 'Read', ['Attach']);
    await refused(
      users.alice,
      'write',
      'UpdateBuild',
      { id: build, config: { pre_build: { path: '', command: 'true' } } },
      403,
      /which needs Terminal/,
    );
    await grant('alice', 'Builder', builder, 'Read', ['Attach', 'Terminal']);
    await users.alice.write('UpdateBuild', {
      id: build,
      config: { pre_build: { path: '', command: `touch ${marker}` } },
    });
    await removeImageTags(
      new Dockerode({ socketPath: '/var/run/docker.sock' }),
      ['latest', '0.0.1', '0.0', '0'].map((tag) => `${build}:${tag}`),
    );
  }, 150_000);
});
