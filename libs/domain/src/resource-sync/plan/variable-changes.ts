import type { Variable } from '../../variables/variable';
import type { DeclaredVariable } from '../declared';
import { fieldDiffs } from './field-diff';
import { maskSecret } from './secret-paths';
import type { PlanInput, VariableChange, VariableProposal } from './types';
import { deletesUndeclared } from './scope';

export const variableKey = (name: string) => `Variable:${name}`;

interface Compared {
  value: unknown;
  description: string;
  is_secret: boolean;
}

const stored = (v: Variable): Compared => ({
  value: v.value,
  description: v.description,
  is_secret: v.isSecret,
});

/** Values of secrets (on either side) shown as set or unset only. */
function shown(v: Compared, secret: boolean): Compared {
  return secret ? { ...v, value: maskSecret(v.value) } : v;
}

/**
 * A declared variable as it would be stored: an omitted value of a secret keeps the stored
 * one (Komodo files leave secrets out), a value equal to the stored secret is the stored form.
 */
function proposal(
  declared: DeclaredVariable,
  current: Variable | undefined,
  secretMatches: PlanInput['secretMatches'],
): { compared: Compared; proposed: VariableProposal } {
  const isSecret = declared.is_secret ?? false;
  const description = declared.description ?? '';
  const given = declared.value;
  const keep =
    current !== undefined &&
    ((given === undefined && isSecret) ||
      (given !== undefined &&
        typeof current.value !== 'string' &&
        secretMatches(current.value, given)));
  const value = keep ? current.value : (given ?? '');
  const proposed: VariableProposal = { name: declared.name, description, is_secret: isSecret };
  if (!keep) proposed.value = given ?? '';
  return { compared: { value, description, is_secret: isSecret }, proposed };
}

/** Declared variables beside the stored ones, with `include_variables`; deletes with `delete`. */
export function variableChanges(input: PlanInput): { changes: VariableChange[]; scope: number } {
  const { config } = input.sync;
  if (!config.include_variables) return { changes: [], scope: 0 };
  const byName = new Map(input.variables.map((v) => [v.name, v]));
  const changes: VariableChange[] = [];
  for (const declared of input.declared.variables) {
    const current = byName.get(declared.name);
    const { compared, proposed } = proposal(declared, current, input.secretMatches);
    const key = variableKey(declared.name);
    if (!current) {
      const none = { value: undefined, description: '', is_secret: false };
      const fields = fieldDiffs(none, compared, {
        current: none,
        proposed: shown(compared, compared.is_secret),
      }).map((f) => ({ ...f, current: null }));
      changes.push({ key, name: declared.name, action: 'Create', fields, proposed });
      continue;
    }
    const before = stored(current);
    const secret = before.is_secret || compared.is_secret;
    const fields = fieldDiffs(before, compared, {
      current: shown(before, secret),
      proposed: shown(compared, secret),
    });
    if (!fields.length) continue;
    const shownBefore = { name: current.name, ...shown(before, before.is_secret) };
    changes.push({
      ...{ key, name: declared.name, action: 'Update', fields, proposed },
      current: { ...shownBefore, value: shownBefore.value as string },
    });
  }
  if (deletesUndeclared(config)) {
    const declared = new Set(input.declared.variables.map((v) => v.name));
    for (const variable of input.variables) {
      if (declared.has(variable.name)) continue;
      const before = stored(variable);
      const fields = [
        { path: 'value', current: shown(before, before.is_secret).value, proposed: null },
      ];
      const current = { name: variable.name, ...before, value: fields[0].current as string };
      changes.push({
        key: variableKey(variable.name),
        name: variable.name,
        action: 'Delete',
        fields,
        current,
      });
    }
  }
  return { changes, scope: input.variables.length };
}
