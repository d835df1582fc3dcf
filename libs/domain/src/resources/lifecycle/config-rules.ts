import { validateAlerterConfig } from '../../alerter/validate';
import { validateBuilderConfig } from '../../builder/validate';
import { validateBuildConfig } from '../../build/validate';
import { validateDeploymentConfig } from '../../deployment/validate';
import { validateRepoConfig } from '../../repo/repo-validate';
import { validateServerConfig } from '../../server/validate';
import { validateStackConfig } from '../../stack/compose-build-args';
import { validateScheduleConfig } from '../../schedule/validate';
import type { ResourceKind } from '../../kinds';
import { invalid } from '../../shared/domain-error';

type Rule = (
  changed: Record<string, unknown>,
  name: string,
  whole: Record<string, unknown>,
) => { field: string; message: string }[];

/**
 * What a kind's config must satisfy beyond field types: a Deployment's port mappings, volumes,
 * env lines, restart policy and container name are checked when written, not when deployed.
 * Only the fields being written are checked (an update leaves the rest as it was); `whole` is the
 * config once written, for a rule whose fields are read together (a schedule and its format).
 */
const RULES: Partial<Record<ResourceKind, Rule>> = {
  Deployment: (changed, name) => validateDeploymentConfig(changed, name),
  Build: (changed, name) => validateBuildConfig(changed, name),
  Builder: (changed) => validateBuilderConfig(changed),
  Repo: (changed) => validateRepoConfig(changed),
  Stack: (changed) => validateStackConfig(changed),
  Alerter: (changed) => validateAlerterConfig(changed),
  Server: (changed) => validateServerConfig(changed),
  Procedure: (changed, _name, whole) => validateScheduleConfig(changed, whole),
  Action: (changed, _name, whole) => validateScheduleConfig(changed, whole),
};

export function checkConfigRules(
  kind: ResourceKind,
  changed: Record<string, unknown>,
  name: string,
  whole: Record<string, unknown> = changed,
): void {
  const errors = RULES[kind]?.(changed, name, whole) ?? [];
  if (errors.length) {
    throw invalid(errors.map((e) => e.message).join('; '), {
      errors: errors.map((e) => ({ field: `config.${e.field}`, message: e.message })),
    });
  }
}
