import {
  decideDeploymentStatus,
  decideImageUpdate,
  evolveDeploymentStatus,
} from './deployment-status';

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

  it('records whether an image update is available when that changes, and keeps it', () => {
    const running = evolveDeploymentStatus(
      undefined,
      decideDeploymentStatus(undefined, { state: 'running', image: 'app:1', at: 1 })[0],
    );
    const check = { update_available: false, remote_digest: 'sha256:a', at: 2 };
    expect(decideImageUpdate(running, check)).toEqual([]);
    expect(decideImageUpdate(undefined, { ...check, update_available: true })).toEqual([]);
    const [found] = decideImageUpdate(running, { ...check, update_available: true });
    expect(found).toEqual({
      type: 'DeploymentImageUpdateObserved',
      data: { update_available: true, remote_digest: 'sha256:a', at: 2 },
    });
    const flagged = evolveDeploymentStatus(running, found);
    expect(flagged).toMatchObject({ state: 'running', update_available: true });
    expect(decideImageUpdate(flagged, { ...check, update_available: true })).toEqual([]);
    const restarted = evolveDeploymentStatus(
      flagged,
      decideDeploymentStatus(flagged, { state: 'exited', image: 'app:1', at: 3 })[0],
    );
    expect(restarted).toMatchObject({ state: 'exited', update_available: true });
  });
});
