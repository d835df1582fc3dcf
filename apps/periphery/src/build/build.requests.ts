import { AGENT } from '@monitor/contracts/agent';
import { request, type RequestDefinition } from '../api/request-registry';
import type { PeripheryConfig } from '../config';
import type { DockerClient } from '../docker/engine/docker-client';
import { BuildImageDto, CancelBuildDto } from './build.dto';

/**
 * Building images: loaded with the first build (the session's HTTP/2 and the progress reader
 * stay out of an agent that never builds).
 */
export function buildRequests(config: PeripheryConfig, docker: DockerClient): RequestDefinition[] {
  let service: Promise<import('./build-image.service').BuildImageService> | undefined;
  const builds = () =>
    (service ??= import('./build-image.service').then(
      ({ BuildImageService }) => new BuildImageService(config, docker),
    ));
  return [
    request(AGENT.Build, BuildImageDto, async (p) => (await builds()).build(p)),
    request(AGENT.CancelBuild, CancelBuildDto, async (p) => (await builds()).cancel(p.id)),
  ];
}
