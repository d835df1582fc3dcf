import type { Resource } from '../resources/lifecycle/state';
import { defaultDeploymentConfig, type DeploymentConfig } from './deployment.config';
import type { DeploymentState } from './deployment-state';
import { atBuiltVersion, builtVersion, deploymentsToRedeploy } from './redeploy-on-build';

const v = (major: number, minor: number, patch: number) => ({ major, minor, patch });
const deployment = (id: string, config: Partial<DeploymentConfig>): Resource<'Deployment'> => ({
  kind: 'Deployment',
  id,
  name: `d-${id}`,
  description: '',
  tags: [],
  config: { ...defaultDeploymentConfig(), ...config },
  basePermission: 'None',
  createdAt: 0,
  updatedAt: 0,
  revision: 0,
  configWriter: 'u1',
});
const ofBuild = (build_id: string, version = v(0, 0, 0)) => ({
  image: { type: 'Build' as const, params: { build_id, version } },
});

describe('which deployments a successful build redeploys', () => {
  const states: Record<string, DeploymentState> = {};
  const stateOf = (id: string) => states[id];

  it('takes those following the build with redeploy_on_build and a container there', () => {
    const given = [
      deployment('running', { ...ofBuild('b1'), redeploy_on_build: true }),
      deployment('paused', { ...ofBuild('b1'), redeploy_on_build: true }),
      deployment('pinned', { ...ofBuild('b1', v(1, 0, 0)), redeploy_on_build: true }),
      deployment('off', { ...ofBuild('b1'), redeploy_on_build: false }),
      deployment('other', { ...ofBuild('b2'), redeploy_on_build: true }),
      deployment('image', { redeploy_on_build: true }),
    ];
    Object.assign(states, {
      running: 'running',
      paused: 'paused',
      pinned: 'unhealthy',
      off: 'running',
      other: 'running',
      image: 'running',
    });
    expect(deploymentsToRedeploy('b1', given, stateOf).map((d) => d.id)).toEqual([
      'running',
      'paused',
      'pinned',
    ]);
  });

  it.each(['not_deployed', 'exited', 'unknown', undefined] as const)(
    'leaves alone a deployment whose state is %s, as Komodo',
    (state) => {
      const given = [deployment('x', { ...ofBuild('b1'), redeploy_on_build: true })];
      expect(deploymentsToRedeploy('b1', given, () => state)).toEqual([]);
    },
  );
});

describe('the version a redeploy deploys', () => {
  it('is the version just built for a deployment that follows the build', () => {
    const config = { ...defaultDeploymentConfig(), ...ofBuild('b1') };
    expect(atBuiltVersion(config, v(0, 0, 2)).image).toEqual({
      type: 'Build',
      params: { build_id: 'b1', version: v(0, 0, 2) },
    });
    expect(config.image.params).toEqual({ build_id: 'b1', version: v(0, 0, 0) });
  });

  it('stays the pinned one, and an Image deployment is left as it is', () => {
    const pinned = { ...defaultDeploymentConfig(), ...ofBuild('b1', v(1, 2, 3)) };
    expect(atBuiltVersion(pinned, v(0, 0, 2))).toBe(pinned);
    const image = defaultDeploymentConfig();
    expect(atBuiltVersion(image, v(0, 0, 2))).toBe(image);
  });
});

describe('a BuildBuilt read from the store', () => {
  it("names the build of its stream, the version and the RunBuild's Update", () => {
    const data = { update_id: 'u9', version: v(0, 0, 3), started_at: 1, ended_at: 2 };
    expect(builtVersion({ stream: 'build-b7', type: 'BuildBuilt', data })).toEqual({
      build_id: 'b7',
      version: v(0, 0, 3),
      update_id: 'u9',
    });
  });

  it('is none for a failed build or an event of another stream', () => {
    const data = { update_id: 'u9', version: v(0, 0, 3), started_at: 1, ended_at: 2 };
    expect(builtVersion({ stream: 'build-b7', type: 'BuildFailed', data })).toBeUndefined();
    expect(builtVersion({ stream: 'update-b7', type: 'BuildBuilt', data })).toBeUndefined();
  });
});
