import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import {
  expectRefused as refused,
  startSecurityScene,
  type SecurityScene,
} from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';
import { createServerBuilder } from '../../support/builders';

type Named = { name: string };

/**
 * Issue 13, BuildRepo: a Repo with a builder runs on_clone and on_pull on the builder's host.
 * That is host power there, as on a Repo's own server: it needs Terminal on each Server a Server
 * builder builds on (on the Builder itself for Url and Aws builders), at write time and again
 * when the build runs. Every attempt goes through the API and must fail with a clear 4xx (or a
 * failed stage before any command), changing nothing; the legitimate use still works.
 */
describe('security: a Repo runs commands on its builder only with Terminal there', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let users: SecurityScene['users'];
  let grant: SecurityScene['grant'];
  const command = { path: '', command: 'touch /tmp/owned-by-repo-build' };

  const repos = async () => (await admin.read<Named[]>('ListRepos')).map((r) => r.name);

  beforeAll(async () => {
    ({ monitor, admin, users, grant } = await startSecurityScene(['carol', 'dave']));
    await createServerBuilder(admin, 'shared-builder');
    await grant('carol', 'Builder', 'shared-builder', 'Read', ['Attach']);
    await grant('dave', 'Builder', 'shared-builder', 'Read', ['Attach']);
    await grant('dave', 'Server', 'local', 'Read', ['Terminal']);
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it("refuses on_clone or on_pull on a builder's server without Terminal there, at write time", async () => {
    for (const field of ['on_clone', 'on_pull']) {
      await refused(
        users.carol,
        'write',
        'CreateRepo',
        { name: 'carol-built', config: { builder_id: 'shared-builder', [field]: command } },
        403,
        /this Repo asks for what equals root on Server 'local' \(its builder 'shared-builder'\).*needs Terminal/,
      );
    }
    await users.carol.write('CreateRepo', {
      name: 'carol-plain',
      config: { builder_id: 'shared-builder', repo: 'acme/x' },
    });
    await refused(
      users.carol,
      'write',
      'UpdateRepo',
      { id: 'carol-plain', config: { on_clone: command } },
      403,
      /needs Terminal/,
    );
    const repo = await admin.read<{ config: { on_clone: { command: string } } }>('GetRepo', {
      repo: 'carol-plain',
    });
    expect(repo.config.on_clone.command).toBe('');
    expect(await repos()).not.toContain('carol-built');
  });

  it('keeps the commands of a writer with Terminal, and checks again when BuildRepo runs', async () => {
    await users.dave.write('CreateRepo', {
      name: 'dave-built',
      config: { builder_id: 'shared-builder', repo: 'acme/tools', on_clone: command },
    });
    const written = await admin.read<{ config: { on_clone: { command: string } } }>('GetRepo', {
      repo: 'dave-built',
    });
    expect(written.config.on_clone.command).toBe(command.command);

    await grant('dave', 'Server', 'local', 'Read');
    const update = await completed(
      admin,
      await admin.execute<UpdateView>('BuildRepo', { repo: 'dave-built' }),
    );
    expect(update.success).toBe(false);
    const failed = update.logs.find((l) => !l.success)!;
    expect(failed.stage).toBe('host access');
    expect(failed.stderr).toMatch(/on_clone: .*no Terminal on that server/);
    expect(update.logs.map((l) => l.stage)).not.toContain('get builder');
    expect(update.logs.map((l) => l.stage)).not.toContain('clone repo');
  });
});
