import {
  cloudAccountDecider,
  type CloudAccount,
  type CloudAccountEvent,
  type CloudProvider,
} from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import { instantUpdate } from './instant-update';
import type { UpdateRecord } from './update-record';

const OPERATIONS: Record<CloudAccountEvent['type'], string> = {
  CloudAccountCreated: 'CreateCloudAccount',
  CloudAccountUpdated: 'UpdateCloudAccount',
  CloudAccountDeleted: 'DeleteCloudAccount',
};

/** Cloud accounts (`cloudaccount-<id>`), their credentials sealed as stored. */
export class CloudAccountsModel {
  private readonly accounts = new Map<string, CloudAccount>();

  readonly categories = ['cloudaccount'];

  /** Applies the event; answers the Update it makes (System's, as for git accounts). */
  apply(event: StoredEvent): UpdateRecord | undefined {
    const id = event.stream.slice('cloudaccount-'.length);
    const before = this.accounts.get(id);
    const state = cloudAccountDecider.evolve(
      before ? { status: 'Active', account: before } : { status: 'Empty' },
      event,
    );
    if (state.status === 'Active') this.accounts.set(id, state.account);
    else this.accounts.delete(id);
    const account = state.status === 'Empty' ? undefined : state.account;
    return account && updateOf(event, account);
  }

  /** By id, or else by name (names are unique). */
  account(idOrName: string): CloudAccount | undefined {
    return this.accounts.get(idOrName) ?? this.all().find((a) => a.name === idOrName);
  }

  all(provider?: CloudProvider): CloudAccount[] {
    return [...this.accounts.values()]
      .filter((a) => !provider || a.provider === provider)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** The log names the account and which credentials changed, never a value. */
function updateOf(event: StoredEvent, account: CloudAccount): UpdateRecord | undefined {
  const operation = OPERATIONS[event.type as CloudAccountEvent['type']];
  if (!operation) return undefined;
  const changed = Object.keys((event.data as { credentials?: object }).credentials ?? {}).sort();
  const credentials = changed.length ? `; credentials set: ${changed.join(', ')}` : '';
  const stdout = `cloud account '${account.name}' (${account.provider})${credentials}`;
  return instantUpdate(event, operation, stdout);
}
