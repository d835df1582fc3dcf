import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  buildContainerSpec,
  buildImage,
  deploymentPowers,
  type DeploymentImage,
  interpolate,
  invalid,
  notFound,
  registryOfImage,
  type ContainerSpec,
  type Resource,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import {
  CredentialResolver,
  requireWriterHostAccess,
  variableLookup,
  type Credential,
} from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';

export interface PreparedDeploy {
  server: Resource<'Server'>;
  image: string;
  spec: ContainerSpec;
  registry?: Credential;
  /** Plaintexts that every log of this execution must mask. */
  secrets: string[];
}

/**
 * What a Deploy needs before it touches anything: the server, the image, the container spec
 * with `[[VARIABLES]]` interpolated, and the registry account. Any problem is found here, so a
 * bad config fails before the running container is stopped.
 */
@Injectable()
export class DeploymentContext {
  private readonly credentials: CredentialResolver;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
  ) {
    this.credentials = new CredentialResolver(config, readModel.settings, keyring);
  }

  deployment(idOrName: string): Resource<'Deployment'> {
    const deployment = this.readModel.resource('Deployment', idOrName);
    if (!deployment) throw notFound(`no Deployment has the name or id '${idOrName}'`);
    return deployment;
  }

  /**
   * The image to run: given, or the one its Build pushes at the version; a Deployment that
   * follows the Build (0.0.0) runs the Build's current version, as Komodo's Deploy (latest
   * before any).
   */
  private imageOf(name: string, given: DeploymentImage): { image: string; account: string } {
    if (given.type === 'Image' && given.params.image)
      return { image: given.params.image, account: '' };
    if (given.type === 'Build') {
      const build = this.readModel.resource('Build', given.params.build_id);
      if (!build) throw new Error(`Deployment '${name}': image.params.build_id names no Build`);
      const { version } = given.params;
      const unset = !version.major && !version.minor && !version.patch;
      return buildImage(build, unset ? this.readModel.builds.of(build.id).version : version);
    }
    throw new Error(
      `Deployment '${name}' has no image: set config.image = { type: "Image", params: { image } }`,
    );
  }

  server(deployment: Resource<'Deployment'>): Resource<'Server'> {
    const serverId = deployment.config.server_id;
    const server = serverId ? this.readModel.resource('Server', serverId) : undefined;
    if (!server) {
      throw invalid(`Deployment '${deployment.name}' has no server: set config.server_id`, {
        field: 'config.server_id',
      });
    }
    return server;
  }

  prepare(deployment: Resource<'Deployment'>, config = deployment.config): PreparedDeploy {
    const server = this.server(deployment);
    const { image, account: buildAccount } = this.imageOf(deployment.name, config.image);
    requireWriterHostAccess(this.readModel, deployment, server, deploymentPowers(config));
    const variable = variableLookup(this.readModel, this.keyring, deployment);
    const { spec, secrets } = buildContainerSpec(config, {
      id: deployment.id,
      name: deployment.name,
      image,
      interpolate: (text) => interpolate(text, variable),
    });
    const account = config.image_registry_account || buildAccount;
    const registry = account
      ? this.credentials.find('ImageRegistry', registryOfImage(image), account)
      : undefined;
    if (account && !registry) {
      throw new Error(
        `image_registry_account: no account '${account}' for registry '${registryOfImage(image)}'`,
      );
    }
    return {
      server,
      image,
      spec,
      registry,
      secrets: registry?.token ? [...secrets, registry.token] : secrets,
    };
  }
}
