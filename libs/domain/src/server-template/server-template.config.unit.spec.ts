import {
  completeServerTemplateConfig,
  defaultAwsServerTemplateConfig,
  defaultHetznerServerTemplateConfig,
  type ServerTemplateConfig,
} from './server-template.config';

describe("a ServerTemplate's config", () => {
  it("has Komodo 1.17.4's defaults, https on, and no script of Komodo's", () => {
    const aws = defaultAwsServerTemplateConfig();
    expect(aws).toMatchObject({
      region: 'us-east-1',
      instance_type: 't3.small',
      assign_public_ip: true,
      use_public_ip: false,
      port: 8120,
      use_https: true,
      user_data: '',
      cloud_account: '',
    });
    expect(aws.volumes).toEqual([
      { device_name: '/dev/sda1', size_gb: 20, volume_type: 'gp2', iops: 0, throughput: 0 },
    ]);
    expect(defaultHetznerServerTemplateConfig()).toMatchObject({
      image: 'ubuntu-24.04',
      datacenter: 'Nuremberg1Dc3',
      server_type: 'SharedAmd2Core2Ram40Disk',
      placement_group: 0,
      enable_public_ipv4: false,
      port: 8120,
      use_https: true,
      user_data: '',
      cloud_account: '',
    });
  });

  it('fills what a stored config predates, keeping what it holds', () => {
    const { use_https: _h, cloud_account: _c, ...old } = defaultHetznerServerTemplateConfig();
    const stored = { type: 'Hetzner', params: { ...old, image: '42' } } as ServerTemplateConfig;
    expect(completeServerTemplateConfig(stored)).toEqual({
      type: 'Hetzner',
      params: { ...defaultHetznerServerTemplateConfig(), image: '42' },
    });
    const aws: ServerTemplateConfig = {
      type: 'Aws',
      params: { ...defaultAwsServerTemplateConfig(), use_https: false },
    };
    expect(completeServerTemplateConfig(aws)).toEqual(aws);
  });
});
