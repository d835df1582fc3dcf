import { EXECUTIONS, isOffered, type ExecutionSpec } from './executions';

const deployment = (request: string): ExecutionSpec =>
  EXECUTIONS.Deployment!.find((x) => x.request === request)!;
const stack = (request: string): ExecutionSpec =>
  EXECUTIONS.Stack!.find((x) => x.request === request)!;

describe('executions offered by state', () => {
  it('offers Start to a stopped container and Stop to a running one, not the other way', () => {
    expect(isOffered(deployment('StartDeployment'), 'exited')).toBe(true);
    expect(isOffered(deployment('StartDeployment'), 'running')).toBe(false);
    expect(isOffered(deployment('StopDeployment'), 'running')).toBe(true);
    expect(isOffered(deployment('StopDeployment'), 'exited')).toBe(false);
    expect(isOffered(deployment('UnpauseDeployment'), 'paused')).toBe(true);
    expect(isOffered(deployment('UnpauseDeployment'), 'running')).toBe(false);
  });

  it('offers nothing but Deploy and Roll back to a deployment without a container', () => {
    const offered = EXECUTIONS.Deployment!.filter((x) => isOffered(x, 'not_deployed'));
    expect(offered.map((x) => x.request)).toEqual(['Deploy', 'RollbackDeployment']);
  });

  it('offers Start and Stop to a stack with some services up and some down', () => {
    expect(isOffered(stack('StartStack'), 'unhealthy')).toBe(true);
    expect(isOffered(stack('StopStack'), 'unhealthy')).toBe(true);
    expect(isOffered(stack('DestroyStack'), 'down')).toBe(false);
    expect(isOffered(stack('DeployStack'), 'down')).toBe(true);
  });

  it('offers Run Build to a build at rest and Cancel only while it builds', () => {
    const build = (request: string) => EXECUTIONS.Build!.find((x) => x.request === request)!;
    for (const state of ['Ok', 'Failed', 'Unknown']) {
      expect(isOffered(build('RunBuild'), state)).toBe(true);
      expect(isOffered(build('CancelBuild'), state)).toBe(false);
    }
    expect(isOffered(build('RunBuild'), 'Building')).toBe(false);
    expect(isOffered(build('CancelBuild'), 'Building')).toBe(true);
  });

  it("offers a Repo's Clone, Pull and Build at rest and Cancel build only while it builds", () => {
    const repo = (request: string) => EXECUTIONS.Repo!.find((x) => x.request === request)!;
    for (const request of ['CloneRepo', 'PullRepo', 'BuildRepo']) {
      expect(isOffered(repo(request), 'Unknown')).toBe(true);
      expect(isOffered(repo(request), 'Building')).toBe(false);
      expect(isOffered(repo(request), 'Pulling')).toBe(false);
    }
    expect(isOffered(repo('CancelRepoBuild'), 'Building')).toBe(true);
    expect(isOffered(repo('CancelRepoBuild'), 'Ok')).toBe(false);
    expect(isOffered(repo('RefreshRepoCache'), 'Cloning')).toBe(true);
  });

  it('offers everything while the state is not known', () => {
    for (const state of [undefined, 'unknown']) {
      expect(EXECUTIONS.Deployment!.every((x) => isOffered(x, state))).toBe(true);
    }
  });
});

describe("a ServerTemplate's Launch", () => {
  it("asks the new server's name first and is followed as the launch", () => {
    const [launch] = EXECUTIONS.ServerTemplate!;
    expect(launch).toMatchObject({
      request: 'LaunchServer',
      label: 'Launch',
      prompt: 'Name of the new server',
      following: 'the launch',
    });
    expect(launch.confirm).toBeUndefined();
  });
});
