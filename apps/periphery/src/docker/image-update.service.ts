import type { ImageUpdateAnswer, RegistryAuth } from '@monitor/contracts/agent';
import { assertOwner, type OwnerDto } from './container-owner';
import { DockerEngine } from './docker-engine';
import { normalizeRegistry, registryOfImage } from '@monitor/domain/agent';

/**
 * Komodo's "poll for updates": whether a container runs what its image reference names at the
 * registry now. Asks the registry for the digest only (`/distribution/<image>/json`), never
 * pulls, so checking is cheap and changes nothing on the host.
 */
export class ImageUpdateService {
  constructor(private readonly engine: DockerEngine) {}

  /**
   * `image` defaults to the reference the container was created from (a compose service's). An
   * account is used only with its own registry: the token never goes to another.
   */
  async check(
    container: string,
    given?: string,
    registry?: RegistryAuth,
    owner?: OwnerDto,
  ): Promise<ImageUpdateAnswer> {
    const created = await this.engine.withContainer(container, (c) => c.inspect());
    assertOwner(container, created.Config.Labels, owner);
    const image = given ?? created.Config.Image;
    const running = await this.engine.call(() => this.engine.docker.images.inspect(created.Image));
    const account =
      registry && normalizeRegistry(registry.domain) === registryOfImage(image)
        ? registry
        : undefined;
    const authconfig = account
      ? { username: account.username, password: account.token, serveraddress: account.domain }
      : undefined;
    const remote = await this.engine.call(() =>
      this.engine.docker.images.distribution(image, authconfig),
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
