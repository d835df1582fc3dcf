import {
  cloudAccountFor,
  cloudAccountView,
  isCloudProvider,
  type Resource,
  type ServerTemplateConfig,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

type Config = Record<string, unknown>;

/** The ServerTemplates whose `cloud_account` names this account. */
export function templatesNaming(readModel: ReadModel, name: string): Resource<'ServerTemplate'>[] {
  return readModel
    .list('ServerTemplate')
    .filter((template) => template.config.params.cloud_account === name);
}

/**
 * A ServerTemplate write that sets its provider or params must name, in `cloud_account`, an
 * account that exists and is for that provider (or none: the core config's credentials), so a
 * template that cannot launch is refused now rather than at a launch. `given`: the fields the
 * write sets; `result`: the config as it will be.
 */
export function checkTemplateCloudAccount(readModel: ReadModel, given: Config, result: Config) {
  if (!('type' in given) && !('params' in given)) return;
  const params = result.params as { cloud_account?: unknown } | undefined;
  const name = params?.cloud_account;
  // An ill-typed config is the validation's to refuse, with its own message.
  if (typeof name !== 'string' || !name || !isCloudProvider(result.type)) return;
  const config = { type: result.type, params: { cloud_account: name } } as ServerTemplateConfig;
  cloudAccountFor(config, readModel.cloudAccounts.all().map(cloudAccountView));
}
