import { decideResource } from '../resources/lifecycle/commands';
import { initialResourceState } from '../resources/lifecycle/state';
import { defaultBuildConfig } from './build.config';

describe("a Build write's registry items", () => {
  const create = (image_registry: object[]) =>
    decideResource('Build', initialResourceState(), {
      type: 'Create',
      id: 'b1',
      name: 'app',
      config: { image_registry },
    });

  it("take Komodo's defaults for the fields an item leaves out", () => {
    const [event] = create([{ domain: 'ghcr.io' }, { account: 'ci', organization: 'acme' }]);
    expect(
      (event.data as unknown as { config: { image_registry: unknown } }).config.image_registry,
    ).toEqual([
      { domain: 'ghcr.io', account: '', organization: '' },
      { domain: '', account: 'ci', organization: 'acme' },
    ]);
  });

  it('are still checked: a bad organization is refused naming it', () => {
    expect(() => create([{ domain: 'ghcr.io', organization: 'Not An Org!' }])).toThrow(
      /image_registry\.0\.organization/,
    );
    expect(defaultBuildConfig().image_registry).toEqual([]);
  });
});
