import { deciderSpec } from '@monitor/testing';
import { decideAccount, evolveAccount, type AccountState } from '../accounts/account';
import { decideVariable, evolveVariable, type VariableState } from './variable';

const variables = deciderSpec({
  decide: decideVariable,
  evolve: evolveVariable,
  initialState: (): VariableState => ({ status: 'Empty' }),
});
const accounts = deciderSpec({
  decide: decideAccount,
  evolve: evolveAccount,
  initialState: (): AccountState => ({ status: 'Empty' }),
});
const variable = { name: 'DB_HOST', value: 'db', description: '', isSecret: false };
const created = { type: 'VariableCreated', data: variable };

describe('variables', () => {
  it('creates with a valid name only', () => {
    variables.given([]).when({ type: 'Create', variable }).then([created]);
    variables
      .given([])
      .when({ type: 'Create', variable: { ...variable, name: '1X' } })
      .thenFails('VALIDATION', /name/);
    variables
      .given([])
      .when({ type: 'Create', variable: { ...variable, name: 'A-B' } })
      .thenFails('VALIDATION', /name/);
    variables
      .given([created])
      .when({ type: 'Create', variable })
      .thenFails('CONFLICT', /already exists/);
  });
  it('records a value change only when the value changed', () => {
    variables
      .given([created])
      .when({ type: 'UpdateValue', value: 'db2', sameValue: false })
      .then([{ type: 'VariableValueUpdated', data: { value: 'db2' } }]);
    variables.given([created]).when({ type: 'UpdateValue', value: 'db', sameValue: true }).then([]);
  });
  it('can be created again after deletion', () => {
    const deleted = { type: 'VariableDeleted', data: { name: 'DB_HOST' } };
    variables.given([created]).when({ type: 'Delete' }).then([deleted]);
    variables.given([created, deleted]).when({ type: 'Create', variable }).then([created]);
  });
});

describe('accounts', () => {
  const account = {
    id: 'a1',
    type: 'GitProvider' as const,
    domain: 'github.com',
    username: 'me',
    https: true,
    token: 'sealed',
  };
  it('creates with a host name domain', () => {
    accounts
      .given([])
      .when({ type: 'Create', account })
      .then([{ type: 'AccountCreated', data: account }]);
    accounts
      .given([])
      .when({ type: 'Create', account: { ...account, domain: 'https://x/y' } })
      .thenFails('VALIDATION', /domain/);
  });
  it('updates only what changed, and a new token always', () => {
    const given = [{ type: 'AccountCreated', data: account }];
    accounts.given(given).when({ type: 'Update', username: 'me' }).then([]);
    accounts
      .given(given)
      .when({ type: 'Update', token: 'sealed-2' })
      .then([
        {
          type: 'AccountUpdated',
          data: { domain: 'github.com', username: 'me', https: true, token: 'sealed-2' },
        },
      ]);
  });
});
