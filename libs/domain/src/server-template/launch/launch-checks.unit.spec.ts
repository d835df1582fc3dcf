import { DomainError } from '../../shared/domain-error';
import type { CloudAccountView } from '../cloud-account';
import {
  type ServerTemplateConfig,
  defaultAwsServerTemplateConfig,
  defaultHetznerServerTemplateConfig,
} from '../server-template.config';
import { hetznerLabelKeyProblem, hetznerLabelValueProblem } from '../hetzner-fields';
import { checkLaunchable, cloudAccountFor } from './launch-checks';
import { HETZNER_LAUNCH_LABEL, launchMark } from './launch-mark';

const aws = (params: object): ServerTemplateConfig => ({
  type: 'Aws',
  params: { ...defaultAwsServerTemplateConfig(), ami_id: 'ami-12345678', ...params },
});
const hetzner = (params: object): ServerTemplateConfig => ({
  type: 'Hetzner',
  params: {
    ...defaultHetznerServerTemplateConfig(),
    private_network_ids: [7],
    user_data: '#!/bin/sh\n/opt/install-monitor-agent\n',
    ...params,
  },
});

describe('what a launch needs of its template', () => {
  it('takes a whole template', () => {
    expect(() => checkLaunchable(aws({}))).not.toThrow();
    expect(() => checkLaunchable(hetzner({}))).not.toThrow();
    expect(() => checkLaunchable(hetzner({ image: '123456', user_data: '' }))).not.toThrow();
    expect(() =>
      checkLaunchable(
        hetzner({ private_network_ids: [], use_public_ip: true, enable_public_ipv4: true }),
      ),
    ).not.toThrow();
  });

  it.each<[string, ServerTemplateConfig, string]>([
    [
      'no AMI',
      aws({ ami_id: '' }),
      "config.params.ami_id: a launch needs an AMI carrying Monitor's agent",
    ],
    [
      'a public address without a public IP',
      aws({ use_public_ip: true, assign_public_ip: false }),
      'config.params.use_public_ip: needs assign_public_ip',
    ],
    ['no image', hetzner({ image: '' }), 'config.params.image: a launch needs an image'],
    [
      "one of Hetzner's images and nothing to install the agent",
      hetzner({ user_data: '' }),
      "config.params.user_data: 'ubuntu-24.04' is a Hetzner image without Monitor's agent",
    ],
    [
      'a public address without IPv4',
      hetzner({ use_public_ip: true }),
      'config.params.use_public_ip: needs enable_public_ipv4',
    ],
    [
      'a private address without a network',
      hetzner({ private_network_ids: [] }),
      'config.params.private_network_ids: name a private network',
    ],
  ])('refuses %s, naming the field', (_, config, message) => {
    expect(() => checkLaunchable(config)).toThrow(DomainError);
    expect(() => checkLaunchable(config)).toThrow(message);
  });
});

describe("a template's cloud account", () => {
  const accounts: CloudAccountView[] = [
    {
      id: 'c1',
      name: 'prod-aws',
      provider: 'Aws',
      credentials_set: ['access_key_id', 'secret_access_key'],
    },
    { id: 'c2', name: 'prod-hetzner', provider: 'Hetzner', credentials_set: ['token'] },
  ];

  it("is the one it names, or none for the core config's credentials", () => {
    expect(cloudAccountFor(aws({ cloud_account: 'prod-aws' }), accounts)?.id).toBe('c1');
    expect(cloudAccountFor(hetzner({ cloud_account: 'prod-hetzner' }), accounts)?.id).toBe('c2');
    expect(cloudAccountFor(aws({}), accounts)).toBeUndefined();
  });

  it('is refused when missing or of the other provider', () => {
    expect(() => cloudAccountFor(aws({ cloud_account: 'nope' }), accounts)).toThrow(
      "config.params.cloud_account: no cloud account is named 'nope'",
    );
    expect(() => cloudAccountFor(aws({ cloud_account: 'prod-hetzner' }), accounts)).toThrow(
      "config.params.cloud_account: 'prod-hetzner' is a Hetzner account; this template launches on Aws",
    );
  });
});

describe("a launch's mark", () => {
  it('is made from its Update id: an EC2 client token and a Hetzner label', () => {
    expect(launchMark('675f1c2a9b3e4d5f6a7b8c9d')).toEqual({
      clientToken: 'monitor-launch-675f1c2a9b3e4d5f6a7b8c9d',
      hetznerLabel: { key: HETZNER_LAUNCH_LABEL, value: '675f1c2a9b3e4d5f6a7b8c9d' },
    });
    const { key, value } = launchMark('675f1c2a9b3e4d5f6a7b8c9d').hetznerLabel;
    expect([hetznerLabelKeyProblem(key), hetznerLabelValueProblem(value)]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('refuses an id that would not fit', () => {
    expect(() => launchMark('a b')).toThrow(DomainError);
    expect(() => launchMark('x'.repeat(49))).toThrow(/^updateId/);
  });
});
