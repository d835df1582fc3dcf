import { decideResource } from '../resources/lifecycle/commands';
import { initialResourceState, type Resource } from '../resources/lifecycle/state';
import { defaultAwsBuilderConfig, type BuilderConfig } from './builder.config';
import { completeBuilderPatch } from './merge-config';
import { validateBuilderConfig } from './validate';

const aws = (params: object): BuilderConfig =>
  ({ type: 'Aws', params: { ...defaultAwsBuilderConfig(), ...params } }) as BuilderConfig;

describe("a Builder's partial params, merged as Komodo merges them", () => {
  it('keeps the params not given when the variant stays', () => {
    const current = aws({ ami_id: 'ami-0123456789abcdef0', volume_gb: 40 });
    const patch = completeBuilderPatch(current, { type: 'Aws', params: { volume_gb: 60 } });
    expect(patch.params).toEqual({ ...current.params, volume_gb: 60 });
  });

  it("starts from the new variant's defaults when the variant changes", () => {
    const current = aws({ ami_id: 'ami-0123456789abcdef0' });
    const patch = completeBuilderPatch(current, { type: 'Url', params: { passkey: 'k' } });
    expect(patch).toEqual({
      type: 'Url',
      params: {
        address: 'https://periphery:8120',
        periphery_public_key: '',
        insecure_tls: true,
        passkey: 'k',
      },
    });
  });

  it('leaves a write that gives neither type nor params as it is', () => {
    expect(completeBuilderPatch(aws({}), {})).toEqual({});
  });
});

describe("a Builder's config checked when written", () => {
  const errors = (params: object, type = 'Aws') =>
    validateBuilderConfig({ type, params }).map((e) => e.message);

  it("accepts Komodo's defaults and well-formed AWS fields", () => {
    expect(errors(defaultAwsBuilderConfig())).toEqual([]);
    expect(
      errors({
        ...defaultAwsBuilderConfig(),
        region: 'us-gov-west-1',
        instance_type: 'm7i-flex.large',
        ami_id: 'ami-12345678',
        subnet_id: 'subnet-0abc1234def567890',
        security_group_ids: ['sg-0aaa1111', 'sg-0123456789abcdef0'],
        key_pair_name: 'ci builders',
        volume_gb: 16_384,
      }),
    ).toEqual([]);
  });

  it('names each field that is not what EC2 takes, and why', () => {
    expect(
      errors({
        region: 'mars',
        instance_type: 'huge',
        volume_gb: 0,
        ami_id: 'ami-xyz',
        subnet_id: 'vpc-12345678',
        security_group_ids: ['sg-12345678', 'default'],
        key_pair_name: 'tab\there',
        user_data: 'x'.repeat(15_001),
      }),
    ).toEqual([
      "params.region: 'mars' is not an AWS region (e.g. us-east-1)",
      "params.instance_type: 'huge' is not an EC2 instance type (e.g. c5.2xlarge)",
      'params.volume_gb: must be a whole number of GiB from 1 to 16384 (got 0)',
      "params.ami_id: 'ami-xyz' is not an AMI id (ami- and 8 or 17 hex digits)",
      "params.subnet_id: 'vpc-12345678' is not a subnet id (subnet- and 8 or 17 hex digits)",
      "params.key_pair_name: 'tab\there' is not a key pair name (up to 255 ASCII characters)",
      "params.security_group_ids: 'default' is not a security group id (sg- and 8 or 17 hex digits), at 1",
      "params.user_data: at most 15000 bytes (EC2 takes 16 KB, the agent's start-up included)",
    ]);
    expect(errors({ volume_gb: 16_385 })).toHaveLength(1);
    expect(errors({ security_group_ids: Array(17).fill('sg-12345678') })).toEqual([
      'params.security_group_ids: at most 16 security groups (got 17)',
    ]);
  });

  it("takes an Url builder's address only as scheme, host and port", () => {
    expect(errors({ address: 'https://10.0.0.5:8120' }, 'Url')).toEqual([]);
    expect(errors({ address: '' }, 'Url')).toEqual([]);
    expect(errors({ address: 'ftp://10.0.0.5' }, 'Url')).toEqual([
      "params.address: 'ftp:' is not http: or https:",
    ]);
    expect(errors({ address: 'http://u:p@10.0.0.5:8120' }, 'Url')).toEqual([
      'params.address: must not hold a user or password',
    ]);
    expect(errors({ address: 'http://10.0.0.5:8120/x?y' }, 'Url')).toEqual([
      'params.address: must be a scheme, host and port only (no path, query or fragment)',
    ]);
    expect(errors({ address: '10.0.0.5' }, 'Url')).toEqual([
      "params.address: '10.0.0.5' is not a URL (e.g. https://10.0.0.5:8120)",
    ]);
  });
});

describe('the Builder lifecycle: given a builder, when its config is written', () => {
  const created = () =>
    decideResource('Builder', initialResourceState(), {
      type: 'Create',
      id: 'b1',
      name: 'ci',
      config: { type: 'Aws', params: { ami_id: 'ami-12345678' } },
    });

  it('then a create stores the whole variant, its defaults filled in', () => {
    const [event] = created();
    expect('config' in event.data && event.data.config).toEqual(aws({ ami_id: 'ami-12345678' }));
  });

  it('then an update of one param changes that param only', () => {
    const resource = {
      kind: 'Builder',
      id: 'b1',
      name: 'ci',
      config: aws({ ami_id: 'ami-12345678' }),
    } as Resource<'Builder'>;
    const events = decideResource(
      'Builder',
      { status: 'Active', resource },
      { type: 'UpdateConfig', config: { type: 'Aws', params: { volume_gb: 30 } } },
    );
    const { data } = events[0];
    expect('diff' in data && data.diff.params.to).toEqual({
      ...resource.config.params,
      volume_gb: 30,
    });
  });

  it('then an update of a bad param, the variant kept, is refused too', () => {
    const resource = {
      kind: 'Builder',
      id: 'b1',
      name: 'ci',
      config: aws({ ami_id: 'ami-12345678' }),
    } as Resource<'Builder'>;
    expect(() =>
      decideResource(
        'Builder',
        { status: 'Active', resource },
        { type: 'UpdateConfig', config: { type: 'Aws', params: { volume_gb: 0 } } },
      ),
    ).toThrow('params.volume_gb: must be a whole number of GiB from 1 to 16384 (got 0)');
  });

  it('then a bad field is refused with a 400 naming it, and nothing is written', () => {
    expect(() =>
      decideResource('Builder', initialResourceState(), {
        type: 'Create',
        id: 'b1',
        name: 'ci',
        config: { type: 'Aws', params: { ami_id: 'ubuntu' } },
      }),
    ).toThrow(
      expect.objectContaining({
        message: "params.ami_id: 'ubuntu' is not an AMI id (ami- and 8 or 17 hex digits)",
        details: { errors: [expect.objectContaining({ field: 'config.params.ami_id' })] },
      }),
    );
  });
});
