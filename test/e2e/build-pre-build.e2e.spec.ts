import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeImageTags } from '@monitor/testing';
import type { EmbeddedMonitor } from '../support/embedded';
import { startWithLocalAgent } from '../support/security';
import { completed, type UpdateView as Update } from '../support/updates';
import { createServerBuilder } from '../support/builders';

const PRE_SECRET = `pre-secret-${randomBytes(6).toString('hex')}`;

/**
 * Issue 13, Builds: a Build from the UI's `dockerfile` contents alone (no repository) runs its
 * pre-build command too, as Komodo does: in the build folder, after the Dockerfile is written
 * and before Docker builds, as stage `Pre Build`; a failing one ends the build there. A build of
 * the files already on the builder's host (`files_on_host`) builds its folder there as it is.
 */
describe('RunBuild: the pre-build of a build from dockerfile contents', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const run = randomBytes(3).toString('hex');
  const images: string[] = [];
  let monitor: EmbeddedMonitor;

  const tagsOf = (image: string) => ['latest', '0.0.1', '0.0', '0'].map((t) => `${image}:${t}`);
  const createBuild = async (name: string, dockerfile: string, command: string) => {
    images.push(name);
    await monitor.admin.write('CreateBuild', {
      name,
      config: { builder_id: 'local-builder', dockerfile, pre_build: { path: '', command } },
    });
  };
  const runBuild = async (build: string) =>
    completed(monitor.admin, await monitor.admin.execute<Update>('RunBuild', { build }), 120_000);

  beforeAll(async () => {
    monitor = await startWithLocalAgent();
    await createServerBuilder(monitor.admin, 'local-builder');
    await monitor.admin.write('CreateVariable', {
      name: 'PRE_SECRET',
      value: PRE_SECRET,
      is_secret: true,
    });
  }, 60_000);

  afterAll(async () => {
    await removeImageTags(docker, images.flatMap(tagsOf));
    await monitor?.destroy();
  });

  it('runs it in the build folder before Docker builds: its line is in the Update, the build succeeds', async () => {
    const image = `pre-build-ok-${run}`;
    // The Dockerfile copies what the pre-build wrote: it ran in the build context, before the build.
    await createBuild(
      image,
      'FROM scratch\nCOPY made.txt /made.txt\n',
      'echo "pre-build says hello [[PRE_SECRET]]"; echo made > made.txt',
    );
    const update = await runBuild(image);
    expect(update.logs.filter((l) => !l.success)).toEqual([]);
    expect(update.success).toBe(true);
    const stages = update.logs.map((l) => l.stage);
    expect(stages.indexOf('Write Dockerfile')).toBeLessThan(stages.indexOf('Pre Build'));
    expect(stages.indexOf('Pre Build')).toBeLessThan(stages.indexOf('Docker Build'));
    const pre = update.logs.find((l) => l.stage === 'Pre Build')!;
    expect(pre.stdout).toContain('pre-build says hello ***');
    expect(JSON.stringify(update)).not.toContain(PRE_SECRET);
    const versions = await monitor.admin.read<unknown[]>('ListBuildVersions', { build: image });
    expect(versions).toHaveLength(1);
    const made = await docker.getImage(`${image}:0.0.1`).inspect();
    expect(made.Id).toMatch(/^sha256:/);
  }, 150_000);

  it('stops the build at a failing pre-build: no Docker Build, no version, no image', async () => {
    const image = `pre-build-fails-${run}`;
    await createBuild(image, 'FROM scratch\nLABEL monitor-test=1\n', 'echo before-fail; exit 3');
    const update = await runBuild(image);
    expect(update.success).toBe(false);
    const pre = update.logs.find((l) => l.stage === 'Pre Build')!;
    expect(pre).toMatchObject({ success: false });
    expect(pre.stdout).toContain('before-fail');
    expect(update.logs.map((l) => l.stage)).not.toContain('Docker Build');
    expect(await monitor.admin.read<unknown[]>('ListBuildVersions', { build: image })).toEqual([]);
    await expect(docker.getImage(`${image}:latest`).inspect()).rejects.toThrow();
  }, 150_000);
  it('builds the files already in its folder on the host (files_on_host), its pre-build run there', async () => {
    const image = `on-host-${run}`;
    images.push(image);
    await monitor.admin.write('CreateBuild', {
      name: image,
      config: {
        builder_id: 'local-builder',
        files_on_host: true,
        build_path: 'app',
        // Ignored with files on the host, as in Komodo: the Dockerfile there is built.
        dockerfile: 'FROM no-such-image-anywhere\n',
        pre_build: { path: '', command: 'echo made-on-host > made.txt' },
      },
    });
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('GetBuild', {
      build: image,
    });
    const folder = join(monitor.dataDir, 'periphery', 'repos', `build-${_id.$oid}`, 'app');
    mkdirSync(folder, { recursive: true });
    const dockerfile = 'FROM scratch\nCOPY on-host.txt made.txt /\n';
    writeFileSync(join(folder, 'Dockerfile'), dockerfile);
    writeFileSync(join(folder, 'on-host.txt'), 'from the host\n');
    const update = await runBuild(image);
    expect(update.logs.filter((l) => !l.success)).toEqual([]);
    const stages = update.logs.map((l) => l.stage);
    expect(stages).toEqual(expect.arrayContaining(['host files', 'Pre Build', 'Docker Build']));
    expect(stages).not.toContain('Write Dockerfile');
    expect(stages).not.toContain('git source');
    expect(readFileSync(join(folder, 'Dockerfile'), 'utf8')).toBe(dockerfile);
    expect((await docker.getImage(`${image}:0.0.1`).inspect()).Id).toMatch(/^sha256:/);
  }, 150_000);

  it('fails a files_on_host build with nothing in its folder, saying what is missing', async () => {
    const image = `on-host-empty-${run}`;
    images.push(image);
    await monitor.admin.write('CreateBuild', {
      name: image,
      config: { builder_id: 'local-builder', files_on_host: true },
    });
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('GetBuild', {
      build: image,
    });
    const update = await runBuild(image);
    expect(update.success).toBe(false);
    const failed = update.logs.find((l) => !l.success)!;
    expect(failed.stage).toBe('Docker Build');
    expect(failed.stderr).toMatch(
      new RegExp(
        `no Dockerfile at .*/periphery/repos/build-${_id.$oid}/Dockerfile: put the build's files there`,
      ),
    );
    expect(await monitor.admin.read<unknown[]>('ListBuildVersions', { build: image })).toEqual([]);
  }, 150_000);
});
