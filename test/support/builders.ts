import type { ApiClient } from './api';

/** A Builder of type Server: builds run on those servers' agents (the local one by default). */
export function createServerBuilder(
  admin: ApiClient,
  name: string,
  serverIds: string[] = ['local'],
): Promise<unknown> {
  return admin.write('CreateBuilder', {
    name,
    config: { type: 'Server', params: { server_ids: serverIds } },
  });
}
