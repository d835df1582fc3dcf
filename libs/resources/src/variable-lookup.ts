import type { VariableValue } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { isSealed, type Keyring } from '@monitor/secrets';

/** How `interpolate` finds a `[[VARIABLE]]`: its current value, opened when sealed. */
export function variableLookup(
  readModel: ReadModel,
  keyring: Keyring,
): (name: string) => VariableValue | undefined {
  return (name) => {
    const variable = readModel.settings.variable(name);
    if (!variable) return undefined;
    const value = isSealed(variable.value) ? keyring.open(variable.value) : String(variable.value);
    return { value, isSecret: variable.isSecret };
  };
}
