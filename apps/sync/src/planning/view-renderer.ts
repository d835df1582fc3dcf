import { renderResourceToml, type Resource, type ResourceView } from '@monitor/domain';

/** A view's references and tags are names already: the exporter is told so. */
const AS_NAMED = {
  resource: (_kind: string, id: string) => id,
  tag: (id: string) => id,
  user: (id: string) => id,
};

function renderView(view: ResourceView): string {
  const resource = {
    kind: view.kind,
    name: view.name,
    description: view.description,
    tags: view.tags,
    config: view.config,
  } as unknown as Resource;
  return renderResourceToml(resource, AS_NAMED, {
    template: view.template,
    deploy: view.deploy,
    after: view.after,
  });
}

/**
 * A plan's views as Komodo's TOML (secrets masked already), each kept by its config object
 * for the next plan: the plan's memo hands an unchanged resource the same config again, so a
 * poll finding nothing new renders nothing again.
 */
export class ViewRenderer {
  private readonly kept = new WeakMap<object, { meta: string; toml: string }>();

  readonly render = (view: ResourceView): string => {
    const { kind, name, description, tags, template, deploy, after } = view;
    const meta = JSON.stringify([kind, name, description, tags, template, deploy, after]);
    const found = this.kept.get(view.config);
    if (found?.meta === meta) return found.toml;
    const toml = renderView(view);
    this.kept.set(view.config, { meta, toml });
    return toml;
  };
}
