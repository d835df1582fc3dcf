import { randomBytes } from 'node:crypto';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import type { EmbeddedMonitor } from '../../support/embedded';
import { startWithLocalAgent } from '../../support/security';
import { completed, type UpdateView as Update } from '../../support/updates';
import { createServerBuilder } from '../../support/builders';
import { addGitAccount, gitProvider, gitSource } from '../../support/git-accounts';
import { expectNoSecret } from '../../support/secret-search';

const GIT_USER = 'env-reader';
const GIT_TOKEN = `env-git-token-${randomBytes(6).toString('hex')}`;

/**
 * What the agent's own environment holds (its passkeys given as PERIPHERY_PASSKEYS, the embedded
 * Monitor's settings, a cloud key an operator exported) is no business of a user's command. The
 * embedded Monitor's local agent runs in this process, so this process's environment is the
 * agent's.
 */
const AGENT_SECRETS = {
  PERIPHERY_PASSKEYS: `agent-passkey-${randomBytes(6).toString('hex')}`,
  MONITOR_AUTH_JWT_SECRET: `jwt-secret-${randomBytes(6).toString('hex')}`,
  AWS_SECRET_ACCESS_KEY: `aws-secret-${randomBytes(6).toString('hex')}`,
};

/**
 * Issue 13 follow-up (h41): a Repo's on_clone or a Build's pre_build printing `env` read every
 * variable of the agent's environment. Now a command sees only the names it needs (PATH, HOME,
 * locale, Docker and proxy settings) and what Monitor gives it for that command.
 */
describe("security: a user's command on the agent does not see the agent's environment", () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  const saved = { ...process.env };

  const expectNoAgentSecret = (update: Update) =>
    expectNoSecret([update], Object.values(AGENT_SECRETS));

  beforeAll(async () => {
    Object.assign(process.env, AGENT_SECRETS);
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    await git.createRepo('acme/env', { 'README.md': 'env\n' });
    monitor = await startWithLocalAgent();
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await createServerBuilder(monitor.admin, 'env-builder');
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
    process.env = saved;
  });

  it("a Repo's on_clone running `env` prints none of the agent's secrets, and still runs with PATH and HOME", async () => {
    await monitor.admin.write('CreateRepo', {
      name: 'env-repo',
      config: {
        server_id: 'local',
        ...gitSource(gitProvider(git), GIT_USER, 'acme/env'),
        on_clone: { path: '', command: 'env; echo "home is $HOME"; cat README.md' },
      },
    });
    const update = await completed(
      monitor.admin,
      await monitor.admin.execute<Update>('CloneRepo', { repo: 'env-repo' }),
    );
    expect(update.success).toBe(true);
    expectNoAgentSecret(update);
    const onClone = update.logs.find((l) => l.stage === 'on clone')!.stdout;
    expect(onClone).toContain(`PATH=${process.env.PATH}\n`);
    expect(onClone).toMatch(/^HOME=\S+$/m);
    expect(onClone).toMatch(/home is \S+\nenv\n$/);
    expect(onClone).not.toMatch(/^(PERIPHERY|MONITOR)_/m);
  }, 60_000);

  it("a Build's pre_build running `env` prints none of the agent's secrets", async () => {
    await monitor.admin.write('CreateBuild', {
      name: 'env-build',
      config: {
        builder_id: 'env-builder',
        dockerfile: 'FROM scratch\nLABEL monitor-test=env\n',
        // Fails on purpose once it has printed, so nothing is built.
        pre_build: { path: '', command: 'env; exit 3' },
      },
    });
    const update = await completed(
      monitor.admin,
      await monitor.admin.execute<Update>('RunBuild', { build: 'env-build' }),
      60_000,
    );
    const pre = update.logs.find((l) => l.stage === 'Pre Build')!;
    expect(pre.success).toBe(false);
    expect(pre.stdout).toContain(`PATH=${process.env.PATH}\n`);
    expectNoAgentSecret(update);
    expect(update.logs.map((l) => l.stage)).not.toContain('Docker Build');
  }, 90_000);
});
