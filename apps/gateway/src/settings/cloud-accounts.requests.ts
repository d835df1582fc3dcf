import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CLOUD_ACCOUNT_REQUESTS, type CloudCredentialsDto } from '@monitor/contracts';
import {
  checkCloudCredentials,
  cloudAccountDecider,
  cloudAccountStream,
  cloudAccountView,
  conflict,
  type CloudAccount,
  type CloudAccountCommand,
  type StoredValue,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, NameRegistry, newId, type CommandMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api/api-error';
import { RequestRegistry } from '../api/request-registry';
import { templatesNaming } from './cloud-account-check';
import { SettingsCommands } from './settings-commands';

/** Names are unique among cloud accounts: a template names its account by name. */
const NAME_CATEGORY = 'cloudaccount';

/**
 * Cloud accounts: any user lists them (which credentials are set, never a value); admins
 * manage them. Credentials are checked by shape, then sealed before any event is written.
 */
@Injectable()
export class CloudAccountRequests implements OnModuleInit {
  private readonly names: NameRegistry;

  constructor(
    private readonly registry: RequestRegistry,
    private readonly settings: SettingsCommands,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.names = new NameRegistry(store);
  }

  onModuleInit(): void {
    const requests = CLOUD_ACCOUNT_REQUESTS;
    const view = (id: string) => cloudAccountView(this.current(id));
    this.registry.handle(requests.ListCloudAccounts, async ({ provider }) =>
      this.readModel.cloudAccounts.all(provider).map(cloudAccountView),
    );
    this.registry.handle(requests.GetCloudAccount, async ({ id }) => view(id));
    this.registry.handle(requests.CreateCloudAccount, async (params, { meta }) => {
      const named = credentialsOf(params.credentials);
      checkCloudCredentials(params.provider, named, true);
      const given = valuesOf(named);
      const account: CloudAccount = {
        id: newId(),
        name: params.name,
        provider: params.provider,
        credentials: this.sealed(given),
      };
      const command: CloudAccountCommand = { type: 'Create', account };
      // Decided once before the name is reserved, so that a refused create writes nothing.
      cloudAccountDecider.decide(cloudAccountDecider.initialState(), command);
      await this.withName(account.name, account.id, meta, () =>
        this.run(account.id, command, meta),
      );
      return view(account.id);
    });
    this.registry.handle(requests.UpdateCloudAccount, async (params, { meta }) => {
      const before = this.current(params.id);
      const named = credentialsOf(params.credentials);
      checkCloudCredentials(before.provider, named, false);
      const given = valuesOf(named);
      const changed = Object.entries(given).filter(
        ([key, value]) => this.storedPlaintext(before, key) !== value,
      );
      const credentials = changed.length ? this.sealed(Object.fromEntries(changed)) : undefined;
      const name = params.name ?? before.name;
      const command: CloudAccountCommand = { type: 'Update', name, credentials };
      if (name === before.name) {
        await this.run(before.id, command, meta);
        return view(before.id);
      }
      this.refuseWhileNamed(before, 'renamed');
      cloudAccountDecider.decide({ status: 'Active', account: before }, command);
      await this.withName(name, before.id, meta, () => this.run(before.id, command, meta));
      await this.names.release(NAME_CATEGORY, before.name, before.id, meta);
      return view(before.id);
    });
    this.registry.handle(requests.DeleteCloudAccount, async ({ id }, { meta }) => {
      const before = this.current(id);
      await this.readModel.waitFor(await this.store.headPosition());
      this.refuseWhileNamed(before, 'deleted');
      await this.run(before.id, { type: 'Delete' }, meta);
      await this.names.release(NAME_CATEGORY, before.name, before.id, meta);
      return cloudAccountView(before);
    });
  }

  private current(idOrName: string): CloudAccount {
    const account = this.readModel.cloudAccounts.account(idOrName);
    if (!account)
      throw new ApiError(404, `no cloud account has the id or name '${idOrName}'`, 'NOT_FOUND');
    return account;
  }

  /** A template names its account by name: renaming or deleting it would leave them none. */
  private refuseWhileNamed(account: CloudAccount, as: 'renamed' | 'deleted'): void {
    const templates = templatesNaming(this.readModel, account.name);
    if (!templates.length) return;
    const list = templates.map((t) => `'${t.name}'`).join(', ');
    throw conflict(
      `cloud account '${account.name}' is named by ServerTemplate ${list} (config.params.cloud_account); change them first, then it can be ${as}`,
      { templates: templates.map(({ id, name }) => ({ id, name })) },
    );
  }

  private sealed(plaintext: Record<string, string>): Record<string, StoredValue> {
    return Object.fromEntries(
      Object.entries(plaintext).map(([key, value]) => [key, this.settings.seal(value, true)]),
    );
  }

  private storedPlaintext(account: CloudAccount, key: string): string | undefined {
    const stored = account.credentials[key];
    return stored === undefined ? undefined : this.settings.open(stored);
  }

  /** Holds `name` for `holder` while `write` runs; a write that fails lets the name go. */
  private async withName(
    name: string,
    holder: string,
    meta: CommandMeta,
    write: () => Promise<void>,
  ) {
    try {
      await this.names.reserve(NAME_CATEGORY, name, holder, meta);
    } catch (error) {
      if ((error as { code?: string }).code === 'CONFLICT')
        throw conflict(`name: a cloud account named '${name}' already exists`, { field: 'name' });
      throw error;
    }
    try {
      await write();
    } catch (error) {
      await this.names.release(NAME_CATEGORY, name, holder, meta);
      throw error;
    }
  }

  private async run(id: string, command: CloudAccountCommand, meta: CommandMeta): Promise<void> {
    const { position } = await handleCommand(
      this.store,
      cloudAccountStream(id),
      cloudAccountDecider,
      command,
      meta,
    );
    if (position) await this.readModel.waitFor(position);
  }
}

/**
 * The credentials given: a blank is as absent (an update keeps the stored one), but its field
 * is still named, so a field the provider does not take is refused either way.
 */
function credentialsOf(dto: CloudCredentialsDto | undefined): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(dto ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, value === '' ? undefined : (value as string)]),
  );
}

function valuesOf(credentials: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(credentials).filter((entry): entry is [string, string] => !!entry[1]),
  );
}
