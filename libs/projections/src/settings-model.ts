import {
  evolveAccount,
  evolveVariable,
  type Account,
  type AccountType,
  type Variable,
} from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/** Global variables and git / registry accounts. Secret values stay sealed here. */
export class SettingsModel {
  private readonly variables = new Map<string, Variable>();
  private readonly accounts = new Map<string, Account>();

  readonly categories = ['variable', 'gitaccount', 'registryaccount'];

  apply(event: StoredEvent): void {
    const dash = event.stream.indexOf('-');
    const key = event.stream.slice(dash + 1);
    if (event.stream.startsWith('variable-')) {
      const before = this.variables.get(key);
      const state = evolveVariable(
        before ? { status: 'Active', variable: before } : { status: 'Empty' },
        event,
      );
      if (state.status === 'Active') this.variables.set(key, state.variable);
      else this.variables.delete(key);
      return;
    }
    const before = this.accounts.get(key);
    const state = evolveAccount(
      before ? { status: 'Active', account: before } : { status: 'Empty' },
      event,
    );
    if (state.status === 'Active') this.accounts.set(key, state.account);
    else this.accounts.delete(key);
  }

  variable(name: string): Variable | undefined {
    return this.variables.get(name);
  }

  allVariables(): Variable[] {
    return [...this.variables.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  account(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  allAccounts(type: AccountType): Account[] {
    return [...this.accounts.values()]
      .filter((a) => a.type === type)
      .sort((a, b) => a.domain.localeCompare(b.domain));
  }
}
