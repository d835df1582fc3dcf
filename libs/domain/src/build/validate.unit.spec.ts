import { validateBuildConfig } from './validate';

const messages = (config: Parameters<typeof validateBuildConfig>[0], name?: string) =>
  validateBuildConfig(config, name).map((e) => e.message);

describe("a Build's config, checked when written", () => {
  it('accepts an ordinary build', () => {
    expect(
      messages(
        {
          version: { major: 1, minor: 2, patch: 3 },
          image_name: 'team/web',
          image_tag: 'dev',
          image_registry: [{ domain: '127.0.0.1:5000', organization: 'Team', account: 'ci' }],
          build_path: 'app',
          dockerfile_path: 'docker/Dockerfile',
          build_args: 'NODE_ENV=production\n[[PREFIX]]_X=1',
          secret_args: 'NPM_TOKEN=[[NPM_TOKEN]]',
          labels: 'org.example.team=web',
          extra_args: ['--pull', '--target prod', '--platform=linux/amd64', '--network [[NET]]'],
          pre_build: { path: 'scripts', command: 'make', shell_mode: true },
        },
        'Web App',
      ),
    ).toEqual([]);
  });

  it('names each field a build would trip over, and why', () => {
    expect(
      messages({
        version: { major: 1, minor: -1, patch: 0 },
        image_name: 'Team/Web',
        image_tag: '-dev',
        image_registry: [{ domain: 'https://ghcr.io', organization: '', account: 'octo' }],
        build_path: '../other',
        dockerfile_path: '../../Dockerfile',
        pre_build: { path: '/etc', command: 'x', shell_mode: false },
        build_args: '1BAD=x',
        secret_args: 'a/b=x',
        labels: 'monitor.deployment=x',
        extra_args: ['--output type=local,dest=/', '--network bridge2'],
      }),
    ).toEqual([
      'version: minor must be a whole number from 0 to 2147483647',
      "image_name: 'Team/Web' is not an image name (lowercase letters, digits and '._-', parts joined by '/')",
      "image_tag: '-dev' is not an image tag (letters, digits, '_', '.', '-', up to 90, not starting with '.' or '-')",
      "image_registry.0.domain: 'https://ghcr.io' is not a registry host (e.g. ghcr.io, 127.0.0.1:5000)",
      "build_path: '../other' leads outside the repository",
      "dockerfile_path: '../../Dockerfile' leads outside the repository",
      "pre_build.path: '/etc' leads outside the repository",
      "build_args line 1: '1BAD' is not a valid variable name (letters, digits and '_', not starting with a digit)",
      "secret_args line 1: 'a/b' is not a secret id (letters, digits, '_', '.' or '-', up to 128)",
      "labels line 1: 'monitor.deployment' is reserved: labels starting with monitor. are set by Monitor",
      expect.stringMatching(/^extra_args: '--output' is not a build flag Monitor takes/),
      'extra_args: --network: must be one of default, none, host',
    ]);
  });

  it('sees a Dockerfile climbing out of the repository through the build path', () => {
    expect(messages({ build_path: 'app', dockerfile_path: 'x/../../../Dockerfile' })).toEqual([
      "dockerfile_path: 'x/../../../Dockerfile' leads outside the repository",
      "dockerfile_path: 'app/x/../../../Dockerfile' leads outside the repository",
    ]);
  });

  it('reads an empty build path or Dockerfile path as its default, as Komodo does', () => {
    expect(messages({ build_path: '', dockerfile_path: 'docker/Dockerfile' })).toEqual([]);
    expect(messages({ build_path: '', dockerfile_path: '' })).toEqual([]);
    expect(messages({ build_path: 'app', dockerfile_path: '' })).toEqual([]);
    expect(messages({ build_path: '', dockerfile_path: '../Dockerfile' })).toEqual([
      "dockerfile_path: '../Dockerfile' leads outside the repository",
      "dockerfile_path: './../Dockerfile' leads outside the repository",
    ]);
  });

  it('refuses a name that gives no image name, unless image_name is set', () => {
    expect(messages({ image_name: '' }, '---')).toEqual([
      "image_name: the build's name '---' gives no image name: set image_name",
    ]);
    expect(messages({ image_name: 'web' }, '---')).toEqual([]);
  });
});
