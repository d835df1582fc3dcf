import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';

/** A global variable, interpolated as `[[NAME]]`; a secret one is stored sealed. */
export const variableStream = (name: string) => `variable-${name}`;

/** The stored value: plain text, or for a secret an opaque sealed object (libs/secrets). */
export type StoredValue = string | object;

export interface Variable {
  name: string;
  value: StoredValue;
  description: string;
  isSecret: boolean;
  /** Who besides admins may use it in a config while it is secret: user and group ids. */
  users?: string[];
  groups?: string[];
}

/** Who a grant to use a variable is for, as in Komodo's `user_target`. */
export interface VariableUser {
  type: 'User' | 'UserGroup';
  id: string;
}

export type VariableState =
  { status: 'Empty' } | { status: 'Active' | 'Deleted'; variable: Variable };

export type VariableEvent =
  | DomainEvent<'VariableCreated', Variable>
  | DomainEvent<'VariableValueUpdated', { value: StoredValue }>
  | DomainEvent<'VariableDescriptionUpdated', { from: string; to: string }>
  | DomainEvent<'VariableIsSecretUpdated', { isSecret: boolean; value: StoredValue }>
  | DomainEvent<'VariableUseSet', { user: VariableUser; use: boolean }>
  | DomainEvent<'VariableDeleted', { name: string }>;

/**
 * Values arrive here already sealed or not: sealing needs keys, which the domain has none of.
 * `sameValue` tells whether the new plaintext equals the current one (the caller can open it).
 */
export type VariableCommand =
  | { type: 'Create'; variable: Variable }
  | { type: 'UpdateValue'; value: StoredValue; sameValue: boolean }
  | { type: 'UpdateDescription'; description: string }
  | { type: 'UpdateIsSecret'; isSecret: boolean; value: StoredValue }
  | { type: 'SetUse'; user: VariableUser; use: boolean }
  | { type: 'Delete' };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkVariableName(name: string): string {
  if (!NAME.test(name)) {
    throw invalid(`name: '${name}' must be letters, digits and _, not starting with a digit`, {
      field: 'name',
    });
  }
  return name;
}

export function evolveVariable(state: VariableState, event: DomainEvent): VariableState {
  const e = event as VariableEvent;
  if (e.type === 'VariableCreated') return { status: 'Active', variable: { ...e.data } };
  if (state.status !== 'Active') return state;
  const v = state.variable;
  switch (e.type) {
    case 'VariableValueUpdated':
      return { status: 'Active', variable: { ...v, value: e.data.value } };
    case 'VariableDescriptionUpdated':
      return { status: 'Active', variable: { ...v, description: e.data.to } };
    case 'VariableIsSecretUpdated':
      return {
        status: 'Active',
        variable: { ...v, isSecret: e.data.isSecret, value: e.data.value },
      };
    case 'VariableUseSet':
      return { status: 'Active', variable: withUse(v, e.data.user, e.data.use) };
    case 'VariableDeleted':
      return { status: 'Deleted', variable: v };
    default:
      return state;
  }
}

const holders = (v: Variable, user: VariableUser) =>
  (user.type === 'User' ? v.users : v.groups) ?? [];

function withUse(v: Variable, user: VariableUser, use: boolean): Variable {
  const others = holders(v, user).filter((id) => id !== user.id);
  const ids = use ? [...others, user.id] : others;
  return user.type === 'User' ? { ...v, users: ids } : { ...v, groups: ids };
}

export function decideVariable(state: VariableState, command: VariableCommand): VariableEvent[] {
  if (command.type === 'Create') {
    if (state.status === 'Active')
      throw conflict(`name: a variable named '${command.variable.name}' already exists`, {
        field: 'name',
      });
    checkVariableName(command.variable.name);
    return [{ type: 'VariableCreated', data: command.variable }];
  }
  if (state.status !== 'Active') throw notFound('variable not found');
  const v = state.variable;
  switch (command.type) {
    case 'UpdateValue':
      return command.sameValue
        ? []
        : [{ type: 'VariableValueUpdated', data: { value: command.value } }];
    case 'UpdateDescription':
      return command.description === v.description
        ? []
        : [
            {
              type: 'VariableDescriptionUpdated',
              data: { from: v.description, to: command.description },
            },
          ];
    case 'UpdateIsSecret':
      return command.isSecret === v.isSecret
        ? []
        : [
            {
              type: 'VariableIsSecretUpdated',
              data: { isSecret: command.isSecret, value: command.value },
            },
          ];
    case 'SetUse':
      return holders(v, command.user).includes(command.user.id) === command.use
        ? []
        : [{ type: 'VariableUseSet', data: { user: command.user, use: command.use } }];
    case 'Delete':
      return [{ type: 'VariableDeleted', data: { name: v.name } }];
  }
}

export const variableDecider = {
  initialState: (): VariableState => ({ status: 'Empty' }),
  evolve: evolveVariable,
  decide: decideVariable,
};
