import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SETTINGS_REQUESTS } from '@monitor/contracts';
import { invalid, type Account, type AccountType } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { MASK } from '@monitor/secrets';
import { ApiError } from '../api/api-error';
import { RequestRegistry } from '../api/request-registry';
import { SettingsCommands } from './settings-commands';

/** Komodo's GitProviderAccount / ImageRegistryAccount; the token is never answered. */
export function toKomodoAccount(account: Account) {
  const token = account.token ? MASK : '';
  const base = {
    _id: { $oid: account.id },
    domain: account.domain,
    username: account.username,
    token,
  };
  return account.type === 'GitProvider' ? { ...base, https: account.https } : base;
}

const NAMES: Record<AccountType, string> = {
  GitProvider: 'GitProviderAccount',
  ImageRegistry: 'ImageRegistryAccount',
};

/** The catalogue's entries of each account type. */
const ENTRIES = {
  GitProvider: {
    list: SETTINGS_REQUESTS.ListGitProviderAccounts,
    get: SETTINGS_REQUESTS.GetGitProviderAccount,
    create: SETTINGS_REQUESTS.CreateGitProviderAccount,
    update: SETTINGS_REQUESTS.UpdateGitProviderAccount,
    delete: SETTINGS_REQUESTS.DeleteGitProviderAccount,
  },
  ImageRegistry: {
    list: SETTINGS_REQUESTS.ListImageRegistryAccounts,
    get: SETTINGS_REQUESTS.GetImageRegistryAccount,
    create: SETTINGS_REQUESTS.CreateImageRegistryAccount,
    update: SETTINGS_REQUESTS.UpdateImageRegistryAccount,
    delete: SETTINGS_REQUESTS.DeleteImageRegistryAccount,
  },
} as const;

/** Git provider and image registry accounts: users may list them (tokens masked); admins manage. */
@Injectable()
export class AccountRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly settings: SettingsCommands,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    for (const type of ['GitProvider', 'ImageRegistry'] as const) this.register(type);
  }

  private register(type: AccountType): void {
    const name = NAMES[type];
    const entries = ENTRIES[type];
    const current = (id: string) => {
      const account = this.readModel.settings.account(id);
      if (!account || account.type !== type)
        throw new ApiError(404, `no ${name} has the id '${id}'`, 'NOT_FOUND');
      return account;
    };
    this.registry.handle(entries.list, async ({ domain, username }) =>
      this.readModel.settings
        .allAccounts(type)
        .filter((a) => (!domain || a.domain === domain) && (!username || a.username === username))
        .map(toKomodoAccount),
    );
    this.registry.handle(entries.get, async ({ id }) => toKomodoAccount(current(id)));
    this.registry.handle(entries.create, async ({ account }, { meta }) => {
      if (!account.domain)
        throw invalid('account.domain: must be given, e.g. github.com', {
          field: 'account.domain',
        });
      const id = newId();
      const created: Account = {
        id,
        type,
        domain: account.domain,
        username: account.username ?? '',
        https: account.https ?? true,
        token: this.settings.seal(account.token ?? '', true),
      };
      await this.settings.account(type, id, { type: 'Create', account: created }, meta);
      return toKomodoAccount(current(id));
    });
    this.registry.handle(entries.update, async ({ id, account }, { meta }) => {
      const before = current(id);
      const newToken =
        account.token !== undefined && account.token !== this.settings.open(before.token);
      const command = {
        type: 'Update' as const,
        domain: account.domain,
        username: account.username,
        https: account.https,
        token: newToken ? this.settings.seal(account.token ?? '', true) : undefined,
      };
      await this.settings.account(type, id, command, meta);
      return toKomodoAccount(current(id));
    });
    this.registry.handle(entries.delete, async ({ id }, { meta }) => {
      const before = current(id);
      await this.settings.account(type, id, { type: 'Delete' }, meta);
      return toKomodoAccount(before);
    });
  }
}
