import { ValidateBy } from 'class-validator';
import {
  AWS_VOLUME_TYPES,
  HETZNER_VOLUME_FORMAT_NAMES,
  HETZNER_DATACENTER_NAMES,
  HETZNER_DATACENTER_VALUES,
  HETZNER_SERVER_TYPE_NAMES,
  HETZNER_SERVER_TYPE_VALUES,
  HETZNER_VOLUME_FORMAT_VALUES,
  amiIdProblem,
  deviceNameProblem,
  hetznerLabelsProblem,
  hetznerVolumeNameProblem,
  hetznerVolumeSizeProblem,
  instanceTypeProblem,
  keyPairNameProblem,
  regionProblem,
  securityGroupIdProblem,
  subnetIdProblem,
  userDataSizeProblem,
  volumeLimitProblem,
  type ServerTemplateType,
} from '../../../domain/src/server-template';
import { Params, Tag } from './hints';
import {
  Bool,
  Int,
  Ints,
  NestedList,
  OneOf,
  Port,
  Str,
  StrRecord,
  Strs,
  describeValue,
  isRecord,
  listProblem,
  rule,
} from './rules';

type Problem = string | undefined;

/** A string field whose value the domain's `problem` checks. */
const Checked = (name: string, problem: (value: string) => Problem, options?: { required: true }) =>
  Str(
    options,
    rule(name, (v) => (typeof v === 'string' ? problem(v) : undefined)),
  );

/** A Hetzner name: Komodo's enum name or Hetzner's own, named by Hetzner's in the message. */
function HetznerName(what: string, values: readonly string[], names: object): PropertyDecorator {
  const hetzner = Object.values(names).join(', ');
  return Str(
    undefined,
    rule(what, (v) =>
      typeof v !== 'string' || values.includes(v)
        ? undefined
        : `must be a Hetzner ${what}: ${hetzner}, or Komodo's name for one (got ${describeValue(v)})`,
    ),
  );
}

/**
 * An EBS volume's size, iops or throughput in the range of the volume's own type (its sibling
 * field); whether it is an integer at all is its Int rule's to say.
 */
function VolumeLimit(field: 'size_gb' | 'iops' | 'throughput'): PropertyDecorator {
  const problemOf = (value: unknown, volume: unknown): Problem => {
    const type = isRecord(volume) ? volume.volume_type : undefined;
    return Number.isInteger(value) && typeof type === 'string'
      ? volumeLimitProblem(type, field, value as number)
      : undefined;
  };
  return ValidateBy({
    name: `volume_${field}`,
    validator: {
      validate: (value: unknown, args) => problemOf(value, args?.object) === undefined,
      defaultMessage: (args) => `${field} ${problemOf(args?.value, args?.object) ?? 'is invalid'}`,
    },
  });
}

const HetznerVolumeSize = () =>
  rule('hetznerVolumeSize', (v) =>
    Number.isInteger(v) ? hetznerVolumeSizeProblem(v as number) : undefined,
  );

const userData = (provider: ServerTemplateType) =>
  Checked('userDataSize', (v) => userDataSizeProblem(provider, v));

/* Decorators register bottom-up: the Int rule nearest a field is checked before its range. */

export class AwsVolumeDto {
  @Checked('deviceName', deviceNameProblem, { required: true }) device_name!: string;
  @VolumeLimit('size_gb') @Int(1, undefined, { required: true }) size_gb!: number;
  @OneOf(AWS_VOLUME_TYPES, { required: true }) volume_type!: string;
  @VolumeLimit('iops') @Int(0, undefined, { required: true }) iops!: number;
  @VolumeLimit('throughput') @Int(0, undefined, { required: true }) throughput!: number;
}

export class AwsServerTemplateConfigDto {
  @Checked('region', regionProblem) region?: string;
  @Checked('instanceType', instanceTypeProblem) instance_type?: string;
  @Checked('amiId', amiIdProblem) ami_id?: string;
  @Checked('subnetId', subnetIdProblem) subnet_id?: string;
  @Checked('keyPairName', keyPairNameProblem) key_pair_name?: string;
  @Bool() assign_public_ip?: boolean;
  @Bool() use_public_ip?: boolean;
  @Port() port?: number;
  @Bool() use_https?: boolean;
  @userData('Aws') user_data?: string;
  @Strs(
    rule('securityGroupIds', (v) =>
      Array.isArray(v)
        ? listProblem(v, 'strings', (x) => securityGroupIdProblem(String(x)))
        : undefined,
    ),
  )
  security_group_ids?: string[];
  @NestedList(() => AwsVolumeDto) volumes?: AwsVolumeDto[];
  @Str() cloud_account?: string;
}

export class HetznerVolumeSpecsDto {
  @Checked('hetznerVolumeName', hetznerVolumeNameProblem, { required: true }) name!: string;
  @HetznerVolumeSize() @Int(1, undefined, { required: true }) size_gb!: number;
  @HetznerName('volume format', HETZNER_VOLUME_FORMAT_VALUES, HETZNER_VOLUME_FORMAT_NAMES)
  format?: string;
  @HetznerLabels() labels?: Record<string, string>;
}

export class HetznerServerTemplateConfigDto {
  @Str() image?: string;
  @HetznerName('datacenter', HETZNER_DATACENTER_VALUES, HETZNER_DATACENTER_NAMES)
  datacenter?: string;
  @Ints(1) private_network_ids?: number[];
  @Int(0) placement_group?: number;
  @Bool() enable_public_ipv4?: boolean;
  @Bool() enable_public_ipv6?: boolean;
  @Ints(1) firewall_ids?: number[];
  @HetznerName('server type', HETZNER_SERVER_TYPE_VALUES, HETZNER_SERVER_TYPE_NAMES)
  server_type?: string;
  @Strs() ssh_keys?: string[];
  @userData('Hetzner') user_data?: string;
  @Bool() use_public_ip?: boolean;
  @HetznerLabels() labels?: Record<string, string>;
  @NestedList(() => HetznerVolumeSpecsDto) volumes?: HetznerVolumeSpecsDto[];
  @Port() port?: number;
  @Bool() use_https?: boolean;
  @Str() cloud_account?: string;
}

function HetznerLabels(): PropertyDecorator {
  return (target, key) => {
    StrRecord()(target, key);
    rule('hetznerLabels', (v) =>
      isRecord(v) && Object.values(v).every((x) => typeof x === 'string')
        ? hetznerLabelsProblem(v as Record<string, string>)
        : undefined,
    )(target, key);
  };
}

const TEMPLATE_VARIANTS: Record<ServerTemplateType, new () => object> = {
  Aws: AwsServerTemplateConfigDto,
  Hetzner: HetznerServerTemplateConfigDto,
};

export class ServerTemplateConfigDto {
  @Tag(TEMPLATE_VARIANTS) type!: string;
  @Params(TEMPLATE_VARIANTS) params?: AwsServerTemplateConfigDto | HetznerServerTemplateConfigDto;
}
