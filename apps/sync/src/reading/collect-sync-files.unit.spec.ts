import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSyncFiles, formatProblem } from './index';

describe('collectSyncFiles', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sync-collect-'));
    root = join(base, 'repo');
    await mkdir(join(root, 'resources/nested'), { recursive: true });
    await writeFile(join(root, 'resources/b.toml'), '[[server]]\nname = "b"\n');
    await writeFile(join(root, 'resources/a.toml'), '[[server]]\nname = "a"\n');
    await writeFile(join(root, 'resources/nested/c.toml'), '[[server]]\nname = "c"\n');
    await writeFile(join(root, 'resources/README.md'), '# not read');
    await writeFile(join(root, 'single.toml'), '[[variable]]\nname = "V"\n');
    await writeFile(join(base, 'secret.toml'), '[[variable]]\nname = "OUTSIDE"\n');
    await mkdir(join(base, 'outside'));
    await writeFile(join(base, 'outside/x.toml'), '[[server]]\nname = "x"\n');
    await symlink(join(base, 'secret.toml'), join(root, 'resources/leak.toml'));
    await symlink(join(base, 'outside'), join(root, 'linked-out'));
    await symlink(join(root, 'single.toml'), join(root, 'resources/inside.toml'));
  });

  afterAll(() => rm(base, { recursive: true, force: true }));

  it('reads folders recursively, *.toml only, sorted; each file once, under the first path reaching it', async () => {
    const { files, problems } = await collectSyncFiles(root, ['resources', 'single.toml']);
    expect(files.map((f) => f.path)).toEqual([
      'resources/a.toml',
      'resources/b.toml',
      'resources/inside.toml',
      'resources/nested/c.toml',
    ]);
    expect(files[0].contents).toBe('[[server]]\nname = "a"\n');
    expect(problems.map(formatProblem)).toEqual([
      'resources/leak.toml:0:resource_path: leads out of the sync folder (symbolic link): refused',
    ]);
  });

  it.each([
    ['/etc', '/etc:0:resource_path: must be relative to the sync folder, not absolute'],
    ['../secret.toml', "../secret.toml:0:resource_path: must not contain '..'"],
    [
      'resources/../../secret.toml',
      "resources/../../secret.toml:0:resource_path: must not contain '..'",
    ],
    [
      'linked-out',
      'linked-out:0:resource_path: leads out of the sync folder (symbolic link): refused',
    ],
    [
      'linked-out/x.toml',
      'linked-out/x.toml:0:resource_path: leads out of the sync folder (symbolic link): refused',
    ],
    ['missing', 'missing:0:resource_path: does not exist: nothing is read, nothing deleted'],
  ])('refuses %s, naming it, and reads nothing of it', async (path, problem) => {
    const { files, problems } = await collectSyncFiles(root, [path]);
    expect(files).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([problem]);
    expect(problems[0].severity).toBe('error');
  });

  it('reads nothing when no path is given, and says so', async () => {
    const { files, problems } = await collectSyncFiles(root, []);
    expect(files).toEqual([]);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'is empty: no file is read'],
    ]);
  });
});
