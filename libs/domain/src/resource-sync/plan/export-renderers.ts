import type { ConfigOf } from '../../resources/configs/registry';
import type { Resource } from '../../resources/lifecycle/state';
import type { ExportNames } from '../toml/config-view';
import { renderResourceToml } from '../toml/render-resource';
import { renderVariableToml } from '../toml/render-variable';
import { planUserGroupToml, type SyncRenderers } from './render-info';
import type { ResourceView } from './types';

/** A plan's views already name everything: the export's lookup answers each name with itself. */
const BY_NAME: ExportNames = {
  resource: (_kind, name) => name,
  tag: (name) => name,
  user: (name) => name,
};

/** A view as the export takes a resource: what only the read model has is left blank. */
function asResource(view: ResourceView): Resource {
  return {
    kind: view.kind,
    id: '',
    name: view.name,
    description: view.description,
    tags: view.tags,
    config: view.config as unknown as ConfigOf<typeof view.kind>,
    basePermission: 'None',
    createdAt: 0,
    updatedAt: 0,
    revision: 0,
    configWriter: '',
  };
}

/** The plan's TOML in Komodo's export layout (libs/domain/src/resource-sync/toml). */
export const EXPORT_RENDERERS: Required<SyncRenderers> = {
  resource: (view) =>
    renderResourceToml(asResource(view), BY_NAME, {
      template: view.template,
      deploy: view.deploy,
      after: view.after,
    }),
  variable: (variable) =>
    renderVariableToml({
      name: variable.name,
      value: variable.value ?? '',
      description: variable.description,
      isSecret: variable.is_secret,
    }),
  userGroup: planUserGroupToml,
};
