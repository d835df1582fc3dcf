import { decideDeploymentStatus, evolveDeploymentStatus } from './deployment-status';

describe('deployment status', () => {
  it('records a change of state or image, and nothing else', () => {
    const first = decideDeploymentStatus(undefined, { state: 'running', image: 'app:1', at: 1 });
    expect(first).toEqual([
      { type: 'DeploymentStateObserved', data: { state: 'running', image: 'app:1', at: 1 } },
    ]);
    const status = evolveDeploymentStatus(undefined, first[0]);
    expect(decideDeploymentStatus(status, { state: 'running', image: 'app:1', at: 2 })).toEqual([]);
    expect(decideDeploymentStatus(status, { state: 'exited', image: 'app:1', at: 3 })).toHaveLength(
      1,
    );
    expect(
      decideDeploymentStatus(status, { state: 'running', image: 'app:2', at: 3 }),
    ).toHaveLength(1);
  });
});
