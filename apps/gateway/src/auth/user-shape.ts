import type { User } from '@monitor/domain';

/** Komodo's User, without anything secret: the password hash and API key hashes stay inside. */
export function toKomodoUser(user: User) {
  return {
    _id: { $oid: user.id },
    username: user.username,
    enabled: user.enabled,
    admin: user.admin,
    super_admin: false,
    create_server_permissions: user.createServers,
    create_build_permissions: user.createBuilds,
    config: { type: 'Local' as const, data: { password: '' } },
    external_skip_2fa: false,
    all: user.grants.all,
    api_keys: user.apiKeys.map(({ key, name, createdAt, expires }) => ({
      key,
      name,
      created_at: createdAt,
      expires,
    })),
  };
}
