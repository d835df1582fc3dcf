import { deciderSpec } from '@monitor/testing';
import { decideVariable, evolveVariable, type VariableState } from './variable';
import { mayUseVariable, variableReferences, variableUserSubject } from './variable-use';

const variables = deciderSpec({
  decide: decideVariable,
  evolve: evolveVariable,
  initialState: (): VariableState => ({ status: 'Empty' }),
});
const secret = { name: 'DB_PASSWORD', value: 'sealed', description: '', isSecret: true };
const created = { type: 'VariableCreated', data: secret };
const toAnn = { type: 'VariableUseSet', data: { user: { type: 'User', id: 'ann' }, use: true } };

const stateOf = (events: { type: string; data: unknown }[]) => {
  const state = events.reduce(evolveVariable, { status: 'Empty' } as VariableState);
  if (state.status !== 'Active') throw new Error('no variable');
  return state.variable;
};

describe('who may use a variable', () => {
  it('grants and revokes its use, only when that changes something', () => {
    variables
      .given([created])
      .when({ type: 'SetUse', user: { type: 'User', id: 'ann' }, use: true })
      .then([toAnn]);
    variables
      .given([created, toAnn])
      .when({ type: 'SetUse', user: { type: 'User', id: 'ann' }, use: true })
      .then([]);
    variables
      .given([created])
      .when({ type: 'SetUse', user: { type: 'UserGroup', id: 'ops' }, use: false })
      .then([]);
  });

  it('lets anyone use what is not secret, and a secret only its grantees and admins', () => {
    const ann = { id: 'ann', admin: false, enabled: true, groups: [] };
    const bob = { id: 'bob', admin: false, enabled: true, groups: ['ops'] };
    const granted = stateOf([created, toAnn]);
    expect(mayUseVariable(ann, granted)).toBe(true);
    expect(mayUseVariable(bob, granted)).toBe(false);
    expect(mayUseVariable({ ...ann, enabled: false }, granted)).toBe(false);
    expect(mayUseVariable({ ...bob, admin: true }, granted)).toBe(true);
    expect(mayUseVariable(bob, { ...granted, isSecret: false })).toBe(true);
    const toOps = {
      type: 'VariableUseSet',
      data: { user: { type: 'UserGroup', id: 'ops' }, use: true },
    };
    expect(mayUseVariable(bob, stateOf([created, toOps]))).toBe(true);
    const revoked = { ...toAnn, data: { ...toAnn.data, use: false } };
    expect(mayUseVariable(ann, stateOf([created, toAnn, revoked]))).toBe(false);
  });

  it("names a user by id, admin, enabled and their groups' ids, as grants name them", () => {
    const carol = { id: 'carol', admin: false, enabled: true, username: 'carol', tokens: {} };
    const subject = variableUserSubject(carol, [{ id: 'ops' }, { id: 'everyone' }]);
    expect(subject).toEqual({
      id: 'carol',
      admin: false,
      enabled: true,
      groups: ['ops', 'everyone'],
    });
    const toOps = {
      type: 'VariableUseSet',
      data: { user: { type: 'UserGroup', id: 'ops' }, use: true },
    };
    expect(mayUseVariable(subject, stateOf([created, toOps]))).toBe(true);
    expect(mayUseVariable(variableUserSubject(carol, []), stateOf([created, toOps]))).toBe(false);
  });

  it('finds every reference in a config, with its field', () => {
    expect(
      variableReferences({
        environment: 'A=[[ONE]]\nB=[[TWO]]',
        extra_args: ['--x', '[[THREE]]'],
        pre_deploy: { command: 'echo [[ONE]]' },
        replicas: 1,
      }),
    ).toEqual([
      { name: 'ONE', field: 'config.environment' },
      { name: 'TWO', field: 'config.environment' },
      { name: 'THREE', field: 'config.extra_args[1]' },
      { name: 'ONE', field: 'config.pre_deploy.command' },
    ]);
  });
});
