import type { GitHttpServer } from '@monitor/testing';
import type { ApiClient } from './api';

/** The test git server as a config names its provider: its host, with the port. */
export function gitProvider(git: GitHttpServer): string {
  return new URL(git.url('any')).host;
}

/** A git provider account on the test git server's host; answers that host. */
export async function addGitAccount(
  admin: ApiClient,
  git: GitHttpServer,
  account: { username: string; token: string },
): Promise<string> {
  const domain = gitProvider(git);
  await admin.write('CreateGitProviderAccount', { account: { domain, ...account } });
  return domain;
}

/** A config's git source: `repo` on the test git server (plain HTTP), branch main, with `account`. */
export function gitSource(provider: string, account: string, repo: string) {
  return { git_provider: provider, git_https: false, git_account: account, repo, branch: 'main' };
}
