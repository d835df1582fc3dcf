import { Injectable } from '@nestjs/common';
import { DockerEngine } from './docker-engine';
import { ImagePullService, type RegistryAuth } from './image-pull.service';

export interface ImageUpdateAnswer {
  image: string;
  /** The registry's digest of `image` now. */
  remote_digest: string;
  /** The digests the container's image was pulled by (`repo@sha256:...`). */
  running_digests: string[];
  /** The registry has another image under the reference than the container runs. */
  update_available: boolean;
}

/**
 * Komodo's "poll for updates": whether a container runs what its image reference names at the
 * registry now. Asks the registry for the digest only (`/distribution/<image>/json`), never
 * pulls, so checking is cheap and changes nothing on the host.
 */
@Injectable()
export class ImageUpdateService {
  constructor(
    private readonly engine: DockerEngine,
    private readonly pulls: ImagePullService,
  ) {}

  async check(
    image: string,
    container: string,
    registry?: RegistryAuth,
  ): Promise<ImageUpdateAnswer> {
    if (registry) this.pulls.checkRegistry(image, registry);
    const imageId = await this.engine.withContainer(
      container,
      async (c) => (await c.inspect()).Image,
    );
    const running = await this.engine.call(() => this.engine.docker.getImage(imageId).inspect());
    const authconfig = registry
      ? { username: registry.username, password: registry.token, serveraddress: registry.domain }
      : undefined;
    const remote = await this.engine.call(() =>
      this.engine.docker.getImage(image).distribution(authconfig ? { authconfig } : {}),
    );
    const remote_digest = remote.Descriptor.digest;
    const running_digests = running.RepoDigests ?? [];
    return {
      image,
      remote_digest,
      running_digests,
      update_available: !running_digests.some((d) => d.endsWith(`@${remote_digest}`)),
    };
  }
}
