import {
  RESTART_MODES,
  TERMINATION_SIGNALS,
  type DeploymentImageType,
} from '../../../domain/src/resources/configs';
import { VersionDto } from './common.dto';
import { KomodoAliases, Params, Tag } from './hints';
import { Bool, Int, Nested, OneOf, Str, Strs } from './rules';
import { ImageReference } from './runtime-fields';

export class ImageParamsDto {
  @ImageReference() image?: string;
}

@KomodoAliases({ build: 'build_id' })
export class BuildImageParamsDto {
  /** A Build's name or id. */
  @Str() build_id?: string;
  /** 0.0.0 means the latest. */
  @Nested(() => VersionDto) version?: VersionDto;
}

const IMAGE_VARIANTS: Record<DeploymentImageType, new () => object> = {
  Image: ImageParamsDto,
  Build: BuildImageParamsDto,
};

export class DeploymentImageDto {
  @Tag(IMAGE_VARIANTS) type!: string;
  @Params(IMAGE_VARIANTS) params?: ImageParamsDto | BuildImageParamsDto;
}

@KomodoAliases({ server: 'server_id', swarm: 'swarm_id' })
export class DeploymentConfigDto {
  @Str() swarm_id?: string;
  /** A Server's name or id. */
  @Str() server_id?: string;
  @Str() custom_name?: string;
  @Nested(() => DeploymentImageDto) image?: DeploymentImageDto;
  @Str() image_registry_account?: string;
  @Bool() skip_secret_interp?: boolean;
  @Bool() redeploy_on_build?: boolean;
  @Bool() poll_for_updates?: boolean;
  @Bool() auto_update?: boolean;
  @Bool() send_alerts?: boolean;
  @Strs() links?: string[];
  @Str() network?: string;
  @OneOf(RESTART_MODES) restart?: string;
  @Str() command?: string;
  @Int(0) replicas?: number;
  @OneOf(TERMINATION_SIGNALS) termination_signal?: string;
  @Int(0) termination_timeout?: number;
  @Strs() extra_args?: string[];
  @Str() term_signal_labels?: string;
  @Str() ports?: string;
  @Str() volumes?: string;
  @Str() environment?: string;
  @Str() labels?: string;
}
