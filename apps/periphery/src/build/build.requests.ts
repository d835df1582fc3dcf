import { AGENT } from '@monitor/contracts/agent';
import { request, type RequestDefinition } from '../api/request-registry';
import type { PeripheryConfig } from '../config';
import type { RunningWork } from '../compose/running-work';
import type { DockerClient } from '../docker/engine/docker-client';
import { BuildImageDto, CancelBuildDto } from './build.dto';

/**
 * Building images: loaded with the first build (the session's HTTP/2 and the progress reader
 * stay out of an agent that never builds).
 */
export function buildRequests(
  config: PeripheryConfig,
  docker: DockerClient,
  running: RunningWork,
): RequestDefinition[] {
  let service: Promise<import('./build-image.service').BuildImageService> | undefined;
  const builds = () =>
    (service ??= import('./build-image.service').then(
      ({ BuildImageService }) => new BuildImageService(config, docker, running),
    ));
  return [
    request(AGENT.Build, BuildImageDto, async (p) => (await builds()).build(p)),
    // Also stops the clone and pre-build of a Build from git (PullOrCloneRepo with its id).
    request(AGENT.CancelBuild, CancelBuildDto, (p) => running.cancel('CancelBuild', p.id)),
  ];
}
