import type { BuildRun } from '../build/build-record';
import { kindOfStream } from '../kinds';
import type { Version } from '../resources/configs/common';
import type { Resource } from '../resources/lifecycle/state';
import type { DeploymentConfig } from './deployment.config';
import type { DeploymentState } from './deployment-state';

/** A successful RunBuild, as its `BuildBuilt` event in the build's stream tells it. */
export interface BuiltVersion {
  build_id: string;
  version: Version;
  /** The RunBuild's Update. */
  update_id: string;
}

/** A stored event as far as this needs it. */
export interface StreamEvent {
  stream: string;
  type: string;
  data: unknown;
}

/** The build a `BuildBuilt` of a Build's stream reports; undefined for any other event. */
export function builtVersion(event: StreamEvent): BuiltVersion | undefined {
  if (event.type !== 'BuildBuilt' || kindOfStream(event.stream) !== 'Build') return undefined;
  const { version, update_id } = event.data as Pick<BuildRun, 'version' | 'update_id'>;
  return { build_id: event.stream.slice(event.stream.indexOf('-') + 1), version, update_id };
}

/**
 * Komodo's post-build redeploy leaves alone a deployment with no container to replace
 * (never deployed, exited) or whose state is not known: a build does not start what a user
 * stopped.
 */
const LEFT_ALONE: readonly DeploymentState[] = ['not_deployed', 'exited', 'unknown'];

/**
 * The deployments a successful build of `build_id` redeploys, as Komodo's
 * handle_post_build_redeploy: those whose image is that Build, with `redeploy_on_build`, whose
 * container is there (`stateOf` answers the deployment's state, undefined when none is known).
 */
export function deploymentsToRedeploy(
  build_id: string,
  deployments: readonly Resource<'Deployment'>[],
  stateOf: (id: string) => DeploymentState | undefined,
): Resource<'Deployment'>[] {
  return deployments.filter(({ id, config }) => {
    if (!config.redeploy_on_build) return false;
    if (config.image.type !== 'Build' || config.image.params.build_id !== build_id) return false;
    return !LEFT_ALONE.includes(stateOf(id) ?? 'unknown');
  });
}

const unset = (v: Version) => v.major === 0 && v.minor === 0 && v.patch === 0;

/**
 * The config a redeploy deploys: a Build image that follows the build (version 0.0.0, Komodo's
 * "none") at the version just built, as Komodo's Deploy reads the build's current version; a
 * pinned version stays pinned.
 */
export function atBuiltVersion(config: DeploymentConfig, version: Version): DeploymentConfig {
  const { image } = config;
  if (image.type !== 'Build' || !unset(image.params.version)) return config;
  return { ...config, image: { type: 'Build', params: { ...image.params, version } } };
}
