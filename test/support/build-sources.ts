import {
  startGitHttpServer,
  startTestRegistry,
  type GitHttpServer,
  type TestRegistry,
} from '@monitor/testing';
import type { ApiClient } from './api';
import { addGitAccount } from './git-accounts';

/** The pre-build command that copies the host's static busybox into the build context. */
export const COPY_BUSYBOX = 'cp /bin/busybox . 2>/dev/null || cp /usr/bin/busybox .';

/** FROM scratch with that busybox as /bin/busybox, then `steps`: a shell, and nothing to pull. */
export function scratchDockerfile(...steps: string[]): string {
  return ['FROM scratch', 'COPY busybox /bin/busybox', ...steps, ''].join('\n');
}

type Account = { username: string; token: string };

/** What a build clones from and pushes to, each asking for its own account. */
export interface BuildSources {
  git: GitHttpServer;
  registry: TestRegistry;
}

/** A private git server and a private registry on 127.0.0.1, started side by side. */
export async function startBuildSources(accounts: {
  git: Account;
  registry: Account;
}): Promise<BuildSources> {
  const [git, registry] = await Promise.all([
    startGitHttpServer({ username: accounts.git.username, password: accounts.git.token }),
    startTestRegistry({
      auth: { username: accounts.registry.username, password: accounts.registry.token },
    }),
  ]);
  return { git, registry };
}

/** Monitor's git provider and image registry accounts for the sources. */
export async function addSourceAccounts(
  admin: ApiClient,
  sources: BuildSources,
  accounts: { git: Account; registry: Account },
): Promise<void> {
  await addGitAccount(admin, sources.git, accounts.git);
  await admin.write('CreateImageRegistryAccount', {
    account: { domain: sources.registry.address, ...accounts.registry },
  });
}
