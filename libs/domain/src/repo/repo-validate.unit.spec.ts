import { repoDirectory, repoFolderClash } from './repo-directory';
import { defaultRepoConfig } from './repo.config';
import { validateRepoConfig } from './repo-validate';

describe('validateRepoConfig', () => {
  it('accepts the defaults and plain relative paths', () => {
    expect(validateRepoConfig(defaultRepoConfig())).toEqual([]);
    expect(
      validateRepoConfig({
        path: 'apps/web',
        env_file_path: 'config/.env',
        on_clone: { path: 'scripts', command: 'make', shell_mode: true },
        branch: 'release/1.2',
        commit: 'abc123',
      }),
    ).toEqual([]);
  });

  it.each([
    ['path', { path: '../etc' }],
    ['path', { path: '/etc' }],
    ['path', { path: '.latest/x' }],
    ['env_file_path', { env_file_path: 'a/../../x' }],
    ['env_file_path', { env_file_path: '.git/config' }],
    ['env_file_path', { env_file_path: 'sub/.GIT/hooks/post-merge' }],
    ['on_clone.path', { on_clone: { path: '..', command: 'ls', shell_mode: true } }],
    ['on_pull.path', { on_pull: { path: '~/x', command: 'ls', shell_mode: true } }],
    ['branch', { branch: '-x' }],
    ['commit', { commit: 'HEAD~1' }],
  ])('names %s when it is bad', (field, config) => {
    const errors = validateRepoConfig(config);
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe(field);
    expect(errors[0].message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
  });

  it('checks only the fields written', () => {
    expect(validateRepoConfig({ repo: 'acme/app' })).toEqual([]);
  });
});

describe('repoDirectory', () => {
  it('is the path when set, else the name as a folder name', () => {
    expect(repoDirectory({ name: 'my app.v2', config: { path: '' } })).toBe('my_app_v2');
    expect(repoDirectory({ name: 'x', config: { path: ' apps/x ' } })).toBe('apps/x');
  });
});

describe('repoFolderClash', () => {
  const repo = (id: string, name: string, path = '', server_id = 's1') => ({
    id,
    name,
    config: { path, server_id },
  });

  it('finds another Repo on the server in the same folder, inside it, or holding it', () => {
    const admins = repo('a', 'admins repo');
    expect(repoFolderClash(repo('m', 'mine', 'admins_repo'), [admins])).toBe(admins);
    expect(repoFolderClash(repo('m', 'mine', './admins_repo/sub'), [admins])).toBe(admins);
    expect(repoFolderClash(repo('m', 'mine', 'apps'), [repo('b', 'b', 'apps/b')])?.id).toBe('b');
  });

  it('lets folders beside each other, on other servers, and itself be', () => {
    const admins = repo('a', 'admins repo');
    expect(repoFolderClash(repo('m', 'mine', 'admins_repo_2'), [admins])).toBeUndefined();
    expect(repoFolderClash(repo('m', 'mine', 'admins_repo', 's2'), [admins])).toBeUndefined();
    expect(repoFolderClash(admins, [admins])).toBeUndefined();
  });
});
