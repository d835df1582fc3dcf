import {
  AWS_VOLUME_TYPES,
  HETZNER_DATACENTERS,
  HETZNER_SERVER_TYPES,
  HETZNER_VOLUME_FORMATS,
  type ServerTemplateType,
} from '../../../domain/src/resources/configs';
import { Params, Tag } from './hints';
import { Bool, Int, Ints, NestedList, OneOf, Port, Str, StrRecord, Strs } from './rules';

export class AwsVolumeDto {
  @Str({ required: true }) device_name!: string;
  @Int(1, undefined, { required: true }) size_gb!: number;
  @OneOf(AWS_VOLUME_TYPES, { required: true }) volume_type!: string;
  @Int(0, undefined, { required: true }) iops!: number;
  @Int(0, undefined, { required: true }) throughput!: number;
}

export class AwsServerTemplateConfigDto {
  @Str() region?: string;
  @Str() instance_type?: string;
  @Str() ami_id?: string;
  @Str() subnet_id?: string;
  @Str() key_pair_name?: string;
  @Bool() assign_public_ip?: boolean;
  @Bool() use_public_ip?: boolean;
  @Port() port?: number;
  @Str() user_data?: string;
  @Strs() security_group_ids?: string[];
  @NestedList(() => AwsVolumeDto) volumes?: AwsVolumeDto[];
}

export class HetznerVolumeSpecsDto {
  @Str({ required: true }) name!: string;
  @Int(1, undefined, { required: true }) size_gb!: number;
  @OneOf(HETZNER_VOLUME_FORMATS) format?: string;
  @StrRecord() labels?: Record<string, string>;
}

export class HetznerServerTemplateConfigDto {
  @Str() image?: string;
  @OneOf(HETZNER_DATACENTERS) datacenter?: string;
  @Ints(1) private_network_ids?: number[];
  @Int(0) placement_group?: number;
  @Bool() enable_public_ipv4?: boolean;
  @Bool() enable_public_ipv6?: boolean;
  @Ints(1) firewall_ids?: number[];
  @OneOf(HETZNER_SERVER_TYPES) server_type?: string;
  @Strs() ssh_keys?: string[];
  @Str() user_data?: string;
  @Bool() use_public_ip?: boolean;
  @StrRecord() labels?: Record<string, string>;
  @NestedList(() => HetznerVolumeSpecsDto) volumes?: HetznerVolumeSpecsDto[];
  @Port() port?: number;
}

const TEMPLATE_VARIANTS: Record<ServerTemplateType, new () => object> = {
  Aws: AwsServerTemplateConfigDto,
  Hetzner: HetznerServerTemplateConfigDto,
};

export class ServerTemplateConfigDto {
  @Tag(TEMPLATE_VARIANTS) type!: string;
  @Params(TEMPLATE_VARIANTS) params?: AwsServerTemplateConfigDto | HetznerServerTemplateConfigDto;
}
