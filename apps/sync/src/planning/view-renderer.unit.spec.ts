import { defaultStackConfig, type ResourceView } from '@monitor/domain';
import { ViewRenderer } from './view-renderer';

const view = (more: Partial<ResourceView> = {}): ResourceView => ({
  kind: 'Stack',
  name: 'app',
  description: '',
  tags: [],
  template: false,
  config: { ...defaultStackConfig(), server_id: 'edge' },
  deploy: false,
  after: [],
  ...more,
});

describe('ViewRenderer', () => {
  it("given a view, when rendered, then Komodo's TOML of it, references as the names given", () => {
    expect(new ViewRenderer().render(view())).toBe(
      ['[[stack]]', 'name = "app"', '[stack.config]', 'server = "edge"'].join('\n'),
    );
  });

  it('given the same config with other meta, when rendered again, then the TOML says the new meta', () => {
    const renderer = new ViewRenderer();
    const first = view();
    renderer.render(first);
    const described = renderer.render({
      ...first,
      description: 'web',
      deploy: true,
      after: ['db'],
    });
    expect(described).toContain('description = "web"');
    expect(described).toContain('deploy = true');
    expect(described).toContain('after = ["db"]');
    expect(renderer.render(first)).not.toContain('description');
  });
});
