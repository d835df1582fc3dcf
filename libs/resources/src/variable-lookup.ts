import {
  forbidden,
  mayUseVariable,
  variableUserSubject,
  type Resource,
  type VariableValue,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { isSealed, type Keyring } from '@monitor/secrets';
import { configWriterOf } from './config-writer';

/**
 * How `interpolate` finds a `[[VARIABLE]]` for one execution of `resource`: its current value,
 * opened when sealed, if the user who last wrote the resource's config may use it (a secret
 * only with a grant). So Execute on a resource never lends its runner a secret its writer had
 * no right to, nor keeps a grant that was revoked since the config was written.
 */
export function variableLookup(
  readModel: ReadModel,
  keyring: Keyring,
  resource: Pick<Resource, 'kind' | 'name' | 'configWriter'>,
): (name: string) => VariableValue | undefined {
  const writer = configWriterOf(readModel, resource);
  const subject = writer.user && variableUserSubject(writer.user, writer.groups);
  return (name) => {
    const variable = readModel.settings.variable(name);
    if (!variable) return undefined;
    if (!writer.system && !(subject && mayUseVariable(subject, variable))) {
      throw forbidden(
        `secret variable '${name}': ${resource.kind} '${resource.name}' was last written by ${writer.label}, who may not use it; an admin can grant its use, or someone who may use it can save the config`,
        { variable: name },
      );
    }
    const value = isSealed(variable.value) ? keyring.open(variable.value) : String(variable.value);
    return { value, isSecret: variable.isSecret };
  };
}
