import type { Types } from 'komodo_client';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

/** A Komodo type as JSON carries it: its enums as their string values. */
type Wire<T> = T extends string
  ? `${T}`
  : T extends (infer I)[]
    ? Wire<I>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

type Item = { name: string; info: Record<string, unknown> };

/**
 * Summaries and list `info` of the kinds Monitor stores but does not run yet say what is true:
 * config as it is, and Komodo's state of a resource never run. Each expected value is typed as
 * Komodo's, so the compiler checks that it has every field Komodo's has.
 */
describe('summaries and list info of the kinds without behaviour yet', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded();
    const write = monitor.admin.write;
    await write('CreateRepo', {
      name: 'app-repo',
      config: { git_provider: 'github.com', repo: 'acme/app', branch: 'main' },
    });
    await write('CreateBuilder', {
      name: 'aws-builder',
      config: { type: 'Aws', params: { instance_type: 'c5.xlarge' } },
    });
    await write('CreateBuild', {
      name: 'app-build',
      config: {
        builder_id: 'aws-builder',
        linked_repo: 'app-repo',
        version: { major: 1, minor: 2, patch: 3 },
        image_registry: [{ domain: 'registry.example.com', organization: 'acme', account: '' }],
        dockerfile: 'FROM scratch',
      },
    });
    await write('CreateProcedure', { name: 'nightly' });
    await write('CreateResourceSync', {
      name: 'infra',
      config: { files_on_host: true, resource_path: ['sync.toml'], managed: true },
    });
    await write('CreateAlerter', {
      name: 'team-slack',
      config: {
        enabled: true,
        endpoint: { type: 'Slack', params: { url: 'https://hooks.slack.com/services/T0/B0/x' } },
      },
    });
    await write('CreateServerTemplate', { name: 'aws-small' });
  });
  afterAll(() => monitor.destroy());

  const listed = async (kinds: string, name: string) =>
    (await monitor.admin.read<Item[]>(`List${kinds}`, {})).find((i) => i.name === name)?.info;
  const ids = async (kinds: string) =>
    Object.fromEntries(
      (await monitor.admin.read<{ name: string; id: string }[]>(`List${kinds}`, {})).map((r) => [
        r.name,
        r.id,
      ]),
    );

  it("a Repo: where it comes from, never cloned (Komodo's Ok)", async () => {
    const { 'aws-builder': builderId } = await ids('Builders');
    expect(builderId).toBeDefined();
    const expected: Wire<Types.RepoListItemInfo> = {
      server_id: '',
      builder_id: '',
      last_pulled_at: 0,
      last_built_at: 0,
      git_provider: 'github.com',
      repo: 'acme/app',
      branch: 'main',
      repo_link: 'https://github.com/acme/app/tree/main',
      state: 'Ok',
    };
    expect(await listed('Repos', 'app-repo')).toEqual(expected);
    expect(await monitor.admin.read('GetReposSummary')).toEqual({
      total: 1,
      ok: 1,
      cloning: 0,
      pulling: 0,
      building: 0,
      failed: 0,
      unknown: 0,
    } satisfies Types.GetReposSummaryResponse);
  });

  it("a Build: its version, builder, registry and linked repo's source; never built", async () => {
    const { 'aws-builder': builderId } = await ids('Builders');
    const { 'app-repo': repoId } = await ids('Repos');
    const expected: Wire<Types.BuildListItemInfo> = {
      state: 'Ok',
      last_built_at: 0,
      version: { major: 1, minor: 2, patch: 3 },
      builder_id: builderId,
      files_on_host: false,
      dockerfile_contents: true,
      linked_repo: repoId,
      linked_repo_name: 'app-repo',
      git_provider: 'github.com',
      repo: 'acme/app',
      branch: 'main',
      repo_link: 'https://github.com/acme/app/tree/main',
      image_registry_domain: 'registry.example.com',
    };
    expect(await listed('Builds', 'app-build')).toEqual(expected);
    expect(await monitor.admin.read('GetBuildsSummary')).toEqual({
      total: 1,
      ok: 1,
      failed: 0,
      building: 0,
      unknown: 0,
    } satisfies Types.GetBuildsSummaryResponse);
  });

  it('a Builder: its type and instance type; a total only', async () => {
    const expected: Wire<Types.BuilderListItemInfo> = {
      builder_type: 'Aws',
      instance_type: 'c5.xlarge',
    };
    expect(await listed('Builders', 'aws-builder')).toEqual(expected);
    expect(await monitor.admin.read('GetBuildersSummary')).toEqual({
      total: 1,
    } satisfies Types.GetBuildersSummaryResponse);
  });

  it('a Procedure: its stages; never run', async () => {
    const expected: Wire<Types.ProcedureListItemInfo> = { stages: 0, state: 'Ok' };
    expect(await listed('Procedures', 'nightly')).toEqual(expected);
    expect(await monitor.admin.read('GetProceduresSummary')).toEqual({
      total: 1,
      ok: 1,
      running: 0,
      failed: 0,
      unknown: 0,
    } satisfies Types.GetProceduresSummaryResponse);
  });

  it('a ResourceSync: its files; Unknown, since whether changes are pending is not computed', async () => {
    const expected: Wire<Types.ResourceSyncListItemInfo> = {
      last_sync_ts: 0,
      files_on_host: true,
      file_contents: false,
      managed: true,
      resource_path: ['sync.toml'],
      linked_repo: '',
      git_provider: 'github.com',
      repo: '',
      branch: 'main',
      repo_link: '',
      state: 'Unknown',
    };
    expect(await listed('ResourceSyncs', 'infra')).toEqual(expected);
    expect(await monitor.admin.read('GetResourceSyncsSummary')).toEqual({
      total: 1,
      ok: 0,
      syncing: 0,
      pending: 0,
      failed: 0,
      unknown: 1,
    } satisfies Types.GetResourceSyncsSummaryResponse);
  });

  it("an Alerter: whether enabled, its endpoint type and Monitor's health; the total and by health", async () => {
    // Monitor's health beside Komodo's fields; no last_delivery before the first delivery.
    const expected: Wire<Types.AlerterListItemInfo> & { health: string } = {
      enabled: true,
      endpoint_type: 'Slack',
      health: 'Ok',
    };
    expect(await listed('Alerters', 'team-slack')).toEqual(expected);
    expect(await monitor.admin.read('GetAlertersSummary')).toEqual({
      total: 1,
      ok: 1,
      failing: 0,
    } satisfies Types.GetAlertersSummaryResponse & { ok: number; failing: number });
  });

  it("a ServerTemplate (Komodo 1.x's): its provider and instance type; a total only", async () => {
    expect(await listed('ServerTemplates', 'aws-small')).toEqual({
      provider: 'Aws',
      instance_type: expect.any(String),
    });
    expect(await monitor.admin.read('GetServerTemplatesSummary')).toEqual({ total: 1 });
  });

  it('a server never polled (monitoring off) is NotOk "not polled yet", in the total only', async () => {
    await monitor.admin.write('CreateServer', {
      name: 'unpolled',
      config: { address: 'http://127.0.0.1:9', enabled: true },
    });
    expect(await monitor.admin.read('GetServerState', { server: 'unpolled' })).toMatchObject({
      status: 'NotOk',
      reason: 'not polled yet',
    });
    expect(await monitor.admin.read('GetServersSummary')).toEqual({
      total: 1,
      healthy: 0,
      warning: 0,
      unhealthy: 0,
      disabled: 0,
    } satisfies Types.GetServersSummaryResponse);
  });
});
