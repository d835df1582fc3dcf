import { defaultBuildConfig } from './build.config';
import {
  buildArgs,
  buildDirectory,
  buildSourceProblem,
  withVersionVariable,
} from './build-request';

const version = { major: 1, minor: 2, patch: 3 };

describe("a build's args, from the fields as filled in", () => {
  it('given args, secrets and labels, parses them and adds VERSION', () => {
    const args = buildArgs(
      { build_args: 'A=1\nB=two', secret_args: 'TOKEN=s3cret', labels: 'team=core' },
      version,
    );
    expect(args).toEqual({
      build_args: { A: '1', B: 'two', VERSION: '1.2.3' },
      secret_args: [{ id: 'TOKEN', value: 's3cret' }],
      labels: { team: 'core' },
    });
  });

  it('keeps a VERSION the build args set', () => {
    expect(
      buildArgs({ build_args: 'VERSION=x', secret_args: '', labels: '' }, version).build_args,
    ).toEqual({ VERSION: 'x' });
  });

  it('refuses a bad secret line naming its line, never its value', () => {
    const run = () =>
      buildArgs({ build_args: '', secret_args: 'OK=1\nbad/id=hunter2', labels: '' }, version);
    expect(run).toThrow(/secret_args line 2/);
    expect(run).not.toThrow(/hunter2/);
  });

  it('refuses a bad build arg naming the field', () => {
    expect(() => buildArgs({ build_args: '1A=x', secret_args: '', labels: '' }, version)).toThrow(
      /build_args/,
    );
  });

  it("fills Komodo's [[$VERSION]] and gives each build a folder of its own", () => {
    expect(withVersionVariable('v=[[$VERSION]] [[OTHER]]', version)).toBe('v=1.2.3 [[OTHER]]');
    expect(buildDirectory({ id: 'abc' })).toBe('build-abc');
  });
});

describe('what a build is built from, checked before it runs', () => {
  const config = { ...defaultBuildConfig(), repo: 'acme/app' };

  it('takes files on the host, a repository, a linked Repo with one, or dockerfile contents', () => {
    expect(buildSourceProblem({ ...config, repo: '', files_on_host: true })).toBeUndefined();
    expect(buildSourceProblem(config)).toBeUndefined();
    expect(
      buildSourceProblem({ ...config, repo: '', linked_repo: 'r1' }, 'acme/lib'),
    ).toBeUndefined();
    expect(buildSourceProblem({ ...config, repo: '', dockerfile: 'FROM scratch' })).toBeUndefined();
  });

  it('names the field when there is nothing to build', () => {
    expect(buildSourceProblem({ ...config, repo: '' })?.field).toBe('repo');
    expect(buildSourceProblem({ ...config, linked_repo: 'r1' }, '')?.field).toBe('repo');
  });
});
