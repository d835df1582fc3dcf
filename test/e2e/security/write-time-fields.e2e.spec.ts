import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';

type Failure = { error: string; code: string };

/**
 * Issue 11, finding 8: image, project and git fields were checked only by the agent, at the
 * deploy that tripped over them. A value Docker, compose or git would read otherwise (an option,
 * a path climbing out, another URL) is refused when written, naming the field.
 */
describe('security: fields handed to Docker, compose and git are checked when written', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded();
  });
  afterAll(() => monitor.destroy());

  it.each([
    [
      'Deployment',
      { image: { type: 'Image', params: { image: 'app;id' } } },
      'config.image.params.image',
      /an image reference/,
    ],
    [
      'Deployment',
      { image: { type: 'Image', params: { image: '../../containers/x' } } },
      'config.image.params.image',
      /an image reference/,
    ],
    ['Stack', { project_name: 'Other_Project' }, 'config.project_name', /a compose project name/],
    ['Stack', { repo: '../../etc' }, 'config.repo', /a repository path/],
    ['Stack', { branch: '--upload-pack=touch /tmp/x' }, 'config.branch', /a branch name/],
    ['Stack', { git_provider: 'evil.example.com/x?' }, 'config.git_provider', /a git host/],
    ['Repo', { commit: 'HEAD~1' }, 'config.commit', /a commit hash/],
    ['Build', { git_provider: 'https://github.com' }, 'config.git_provider', /no scheme or path/],
    ['ResourceSync', { repo: '-u/x' }, 'config.repo', /a repository path/],
    // Git runs what .git/config names (core.fsmonitor) at the next clone or pull: a file written
    // there by a user without Terminal would be a command on the host.
    ['Stack', { env_file_path: '.git/config' }, 'config.env_file_path', /inside '\.git'/],
    ['Stack', { file_paths: ['.git/hooks/post-merge'] }, 'config.file_paths', /inside '\.git'/],
    [
      'Stack',
      { additional_env_files: [{ path: 'app/.GIT/config' }] },
      'config.additional_env_files',
      /inside '\.git'/,
    ],
    ['Stack', { run_directory: '.git' }, 'config.run_directory', /inside '\.git'/],
    ['Build', { dockerfile_path: '.git/config' }, 'config.dockerfile_path', /inside '\.git'/],
  ])(
    'refuses a %s with %j (400 naming the field), storing nothing',
    async (kind, config, field, why) => {
      const before = await monitor.runtime.store.headPosition();
      const answer = await monitor.admin.call<Failure>('write', `Create${kind}`, {
        name: 'odd-input',
        config,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain(field.replace(/^config\./, ''));
      expect(answer.body.error).toMatch(why);
      expect(await monitor.runtime.store.headPosition()).toBe(before);
    },
  );

  it('takes the ordinary values, and empty ones as the defaults', async () => {
    await monitor.admin.write('CreateStack', {
      name: 'ordinary',
      config: {
        project_name: 'shop_web-1',
        git_provider: 'git.example.com:8443',
        repo: 'group/sub/app.git',
        branch: 'release/1.2',
        commit: 'a1b2c3d',
      },
    });
    await monitor.admin.write('CreateDeployment', {
      name: 'ordinary',
      config: { image: { type: 'Image', params: { image: '127.0.0.1:5000/team/app:1' } } },
    });
    await monitor.admin.write('UpdateStack', {
      id: 'ordinary',
      config: { project_name: '', repo: '', branch: '', commit: '' },
    });
  });
});
