import { variantPatch, withVariant } from './variants';

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
