import { KIND_SPECS, validateConfig } from '@monitor/contracts';
import { CONFIG_VARIANTS, variantPatch, withVariant } from './variants';

describe('union configs (a Builder)', () => {
  const url = { type: 'Url', params: { address: 'https://a:8120', passkey: '*****' } };

  it('sends only the params that changed within the same type, never the masked passkey', () => {
    const patch = { params: { address: 'https://b:8120', passkey: '*****' } };
    expect(variantPatch('Builder', url, patch)).toEqual({
      type: 'Url',
      params: { address: 'https://b:8120' },
    });
  });

  it('sends the whole params of a new type, started from its defaults', () => {
    const server = withVariant('Builder', url, 'Server');
    expect(server).toEqual({ type: 'Server', params: { server_ids: [] } });
    const patch = { type: 'Server', params: { server_ids: ['s1'] } };
    expect(variantPatch('Builder', url, patch)).toEqual(patch);
  });

  it('leaves other kinds patches as they are', () => {
    const patch = { image: { type: 'Image', params: { image: 'a' } } };
    expect(variantPatch('Deployment', {}, patch)).toBe(patch);
  });
});

describe("a ServerTemplate's provider", () => {
  const aws = { type: 'Aws', params: { region: 'us-east-1', cloud_account: '' } };

  it('starts each provider from the defaults the gateway takes, Aws as its own default', () => {
    expect(withVariant('ServerTemplate', aws, 'Aws')).toEqual(KIND_SPECS.ServerTemplate.defaults());
    for (const [type, params] of Object.entries(CONFIG_VARIANTS.ServerTemplate ?? {}))
      expect(validateConfig('ServerTemplate', { type, params })).toMatchObject({ ok: true });
  });

  it('sends a changed account under the type the gateway checks it against', () => {
    const patch = { params: { region: 'us-east-1', cloud_account: 'aws-prod' } };
    expect(variantPatch('ServerTemplate', aws, patch)).toEqual({
      type: 'Aws',
      params: { cloud_account: 'aws-prod' },
    });
  });
});
