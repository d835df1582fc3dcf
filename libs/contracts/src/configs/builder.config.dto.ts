import type { BuilderType } from '../../../domain/src/resources/configs';
import { KomodoAliases, Params, Tag } from './hints';
import { Bool, Int, NestedList, Port, Str, Strs } from './rules';

export class ProviderAccountDto {
  @Str({ required: true }) username!: string;
  @Str() token?: string;
}

export class GitProviderDto {
  @Str() domain?: string;
  @Bool() https?: boolean;
  @NestedList(() => ProviderAccountDto) accounts?: ProviderAccountDto[];
}

export class ImageRegistryDto {
  @Str() domain?: string;
  @NestedList(() => ProviderAccountDto) accounts?: ProviderAccountDto[];
  @Strs() organizations?: string[];
}

export class UrlBuilderConfigDto {
  @Str() address?: string;
  @Str() periphery_public_key?: string;
  @Bool() insecure_tls?: boolean;
  @Str() passkey?: string;
}

@KomodoAliases({ server_id: 'server_ids', server: 'server_ids', servers: 'server_ids' })
export class ServerBuilderConfigDto {
  /** Server names or ids. */
  @Strs() server_ids?: string[];
}

export class AwsBuilderConfigDto {
  @Str() region?: string;
  @Str() instance_type?: string;
  @Int(1) volume_gb?: number;
  @Str() ami_id?: string;
  @Str() subnet_id?: string;
  @Str() key_pair_name?: string;
  @Bool() assign_public_ip?: boolean;
  @Bool() use_public_ip?: boolean;
  @Strs() security_group_ids?: string[];
  @Str() user_data?: string;
  @Port() port?: number;
  @Bool() use_https?: boolean;
  @Str() periphery_public_key?: string;
  @Bool() insecure_tls?: boolean;
  @NestedList(() => GitProviderDto) git_providers?: GitProviderDto[];
  @NestedList(() => ImageRegistryDto) image_registries?: ImageRegistryDto[];
  @Strs() secrets?: string[];
}

const BUILDER_VARIANTS: Record<BuilderType, new () => object> = {
  Url: UrlBuilderConfigDto,
  Server: ServerBuilderConfigDto,
  Aws: AwsBuilderConfigDto,
};

/** The whole config is the union; `params` holds only the fields being set. */
export class BuilderConfigDto {
  @Tag(BUILDER_VARIANTS) type!: string;
  @Params(BUILDER_VARIANTS) params?:
    UrlBuilderConfigDto | ServerBuilderConfigDto | AwsBuilderConfigDto;
}
