import { buildImage, type BuildImageSource } from './build-image';

const build = (
  config: Partial<BuildImageSource['config']> = {},
  name = 'My App',
): BuildImageSource => ({
  name,
  config: { image_name: '', image_tag: '', image_registry: [], ...config },
});
const v = (major: number, minor: number, patch: number) => ({ major, minor, patch });

describe("a Build's image, as a Deployment runs it", () => {
  it('is the latest of the Build name on Docker Hub by default', () => {
    expect(buildImage(build(), v(0, 0, 0))).toEqual({ image: 'my_app:latest', account: '' });
  });

  it('lives under the registry domain and organization, tagged with the version', () => {
    const registry = { domain: '127.0.0.1:5000', organization: 'Team', account: 'ci' };
    expect(
      buildImage(build({ image_name: 'web', image_registry: [registry] }), v(1, 2, 3)),
    ).toEqual({ image: '127.0.0.1:5000/team/web:1.2.3', account: 'ci' });
  });

  it('falls back to the account as namespace, and suffixes the image tag', () => {
    const registry = { domain: 'ghcr.io', organization: '', account: 'octo' };
    expect(
      buildImage(build({ image_tag: 'dev', image_registry: [registry] }, 'api'), v(0, 0, 0)).image,
    ).toBe('ghcr.io/octo/api:latest-dev');
    expect(
      buildImage(build({ image_tag: 'dev', image_registry: [registry] }, 'api'), v(2, 0, 1)).image,
    ).toBe('ghcr.io/octo/api:2.0.1-dev');
  });
});
