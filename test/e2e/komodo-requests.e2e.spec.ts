import '../support/browser-globals';
import { KomodoClient, type Types } from 'komodo_client';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARAM_ALIASES } from '@monitor/contracts';
import { RequestRegistry } from '../../apps/gateway/src/api/request-registry';
import { TEST_PASSWORD } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { coverageDoc } from './komodo-coverage';
import { openAlert } from './komodo-fixtures';
import { placeholderParams, type Fixtures } from './komodo-placeholders';
import { komodoParams, komodoRequests, requiredFields, type KomodoRequest } from './komodo-types';

const DOC = join(__dirname, '../../docs/komodo-coverage.md');

/** Resources named as the placeholders name them, and spares to rename and delete. */
const KINDS = [
  'Server',
  'Deployment',
  'Stack',
  'Build',
  'Repo',
  'Procedure',
  'Action',
  'ResourceSync',
];
const MORE_KINDS = ['Builder', 'Alerter'];

/**
 * Issue 12's judge: every request of komodo_client 2.3.2 that Monitor answers takes Komodo's
 * full param set, sent by Komodo's own client, without a 400. The agent is unreachable (an
 * execution fails there, after its params were taken), so no test touches this machine's Docker.
 */
describe("Komodo 2.3.2's requests with Komodo's full params", () => {
  let monitor: EmbeddedMonitor;
  let komodo: ReturnType<typeof KomodoClient>;
  let answered: Set<string>;
  let fixtures: Fixtures;

  beforeAll(async () => {
    monitor = await startEmbedded();
    komodo = KomodoClient(monitor.url, { type: 'jwt', params: { jwt: monitor.adminAuth.jwt } });
    answered = new Set(
      monitor.app
        .get(RequestRegistry)
        .list()
        .map(({ verb, name }) => `${verb}/${name}`),
    );
    fixtures = await createFixtures(monitor);
  }, 60_000);
  afterAll(() => monitor.destroy());

  /** Reads first, then executions, then writes with renames and deletes last. */
  const phase = ({ verb, name }: KomodoRequest) =>
    verb === 'read' ? 0 : verb === 'execute' ? 1 : /^(Rename|Delete)/.test(name) ? 3 : 2;

  /** The status Monitor answers a request through Komodo's client (200 when it resolves). */
  const statusOf = (verb: KomodoRequest['verb'], name: string, params: object) => {
    const call = komodo[verb] as (type: string, params: object) => Promise<unknown>;
    return call(name, params).then(
      (answer) => ({ status: 200, error: '', answer }),
      (error: { status?: number; result?: { error?: string } }) => {
        if (error.status === undefined) throw error;
        return { status: error.status, error: error.result?.error ?? '', answer: undefined };
      },
    );
  };

  it("reads komodo_client's request types: names by verb, params, required answer fields", () => {
    const count = (verb: string) => komodoRequests().filter((r) => r.verb === verb).length;
    expect([count('read'), count('write'), count('execute')]).toEqual([140, 114, 79]);
    expect(komodoParams('DeployStack')).toEqual([
      { name: 'stack', optional: false, type: 'string' },
      { name: 'services', optional: true, type: 'string[]' },
      { name: 'stop_time', optional: true, type: 'number' },
    ]);
    expect(requiredFields('ListDeploymentsResponse')).toEqual({
      list: true,
      fields: ['id', 'type', 'name', 'template', 'tags', 'info'],
    });
  });

  it('takes every param Komodo has on every request Monitor answers, and answers the fields its Komodo type requires', async () => {
    const requests = komodoRequests()
      .filter(({ verb, name }) => answered.has(`${verb}/${name}`))
      .sort((a, b) => phase(a) - phase(b));
    expect(requests.length).toBeGreaterThan(150);
    const failed: string[] = [];
    const missing: string[] = [];
    for (const { verb, name } of requests) {
      const { status, error, answer } = await statusOf(
        verb,
        name,
        placeholderParams(name, fixtures),
      );
      // Field for field at the top: every field the `<Request>Response` type does not make optional.
      const shape = status === 200 ? requiredFields(`${name}Response`) : undefined;
      for (const item of shape ? (shape.list ? (answer as object[]) : [answer]) : []) {
        const absent = shape!.fields.filter((f) => !Object.hasOwn(item as object, f));
        if (absent.length) missing.push(`${verb}/${name}: ${absent.join(', ')}`);
      }
      // What reaches the unreachable agent fails there (503; RefreshStackCache waits for it).
      const agentDown = status === 503 || (name === 'RefreshStackCache' && status === 500);
      if (status !== 200 && !agentDown) failed.push(`${verb}/${name}: ${status} ${error}`);
    }
    expect(failed).toEqual([]);
    expect([...new Set(missing)]).toEqual([]);
  }, 120_000);

  it("takes the resource param also as `id` or `name`, as Komodo's serde aliases allow", async () => {
    const aliased = komodoRequests().filter(
      ({ verb, name }) =>
        verb === 'read' &&
        answered.has(`read/${name}`) &&
        /^Get[A-Z]\w*$/.test(name) &&
        Object.hasOwn(PARAM_ALIASES, name),
    );
    expect(aliased.length).toBeGreaterThan(10);
    const differ: string[] = [];
    for (const { verb, name } of aliased) {
      const params = placeholderParams(name, fixtures);
      const [param, aliases] = PARAM_ALIASES[name];
      const { [param]: value, ...rest } = params;
      const canonical = await statusOf(verb, name, params);
      for (const alias of aliases) {
        const { status } = await statusOf(verb, name, { ...rest, [alias]: value });
        if (status !== canonical.status) differ.push(`${name} { ${alias} }: ${status}`);
      }
    }
    expect(differ).toEqual([]);
    const both = await statusOf('read', 'GetDeployment', { deployment: 'k-deployment', id: 'x' });
    expect(both).toEqual({ status: 400, error: expect.stringContaining("give 'deployment' once") });
  });

  it('orders lists as sort_by and sort_desc ask', async () => {
    const names = async (params: Types.ListDeployments) =>
      ((await komodo.read('ListDeployments', params)) as Types.DeploymentListItem[]).map(
        (d) => d.name,
      );
    const byName = await names({});
    expect(byName.length).toBeGreaterThan(1);
    expect(byName).toEqual([...byName].sort());
    expect(await names({ sort_desc: true })).toEqual([...byName].reverse());
    const byState = await names({ sort_by: 'State' as Types.DeploymentSortBy });
    expect([...byState].sort()).toEqual(byName);
    const bad = await statusOf('read', 'ListDeployments', { sort_by: 'Colour' });
    expect(bad).toEqual({ status: 400, error: expect.stringContaining('sort_by') });
  });

  it('keeps docs/komodo-coverage.md, the list of what Monitor does not answer, up to date', () => {
    const doc = coverageDoc(komodoRequests(), answered);
    if (process.env.KOMODO_COVERAGE_WRITE) writeFileSync(DOC, doc);
    expect(readFileSync(DOC, 'utf8')).toBe(doc);
  });
});

async function createFixtures(monitor: EmbeddedMonitor): Promise<Fixtures> {
  const { admin } = monitor;
  await admin.write('CreateServer', {
    name: 'k-server',
    config: { address: 'https://127.0.0.1:9' },
  });
  const configs: Record<string, object> = {
    Deployment: { server_id: 'k-server', image: { type: 'Image', params: { image: 'app:1' } } },
    Stack: { server_id: 'k-server', file_contents: 'services: {}\n' },
    // RunBuild refuses a Build without a Builder (400): Builders are created first.
    Build: { builder_id: 'k-builder', dockerfile: 'FROM scratch\n' },
    // SendAlert needs an enabled alerter that takes Custom alerts; nothing listens on port 9.
    Alerter: { enabled: true, endpoint: { type: 'Custom', params: { url: 'http://127.0.0.1:9' } } },
    // CommitSync writes into a managed sync only (Komodo's rule).
    ResourceSync: { managed: true },
  };
  for (const kind of [...MORE_KINDS, ...KINDS]) {
    for (const prefix of ['k-rename', 'k-delete', ...(kind === 'Server' ? [] : ['k'])]) {
      const name = prefix === 'k' ? `k-${kind.toLowerCase()}` : `${prefix}-${kind.toLowerCase()}`;
      await admin.write(`Create${kind}`, { name, config: configs[kind] ?? {} });
    }
  }
  for (const name of ['k-tag', 'k-rename-tag', 'k-delete-tag']) {
    await admin.write('CreateTag', { name });
  }
  const user = await admin.write<{ _id: { $oid: string } }>('CreateLocalUser', {
    username: 'k-user',
    password: TEST_PASSWORD,
  });
  await admin.write('CreateLocalUser', { username: 'k-delete-user', password: TEST_PASSWORD });
  for (const name of ['k-group', 'k-rename-group', 'k-delete-group']) {
    await admin.write('CreateUserGroup', { name });
  }
  for (const name of ['K_VAR', 'K_DELETE_VAR']) {
    await admin.write('CreateVariable', { name, value: 'v' });
  }
  const account = (type: string, username: string) =>
    admin.write<{ _id: { $oid: string } }>(`Create${type}Account`, {
      account: { domain: 'registry.k', username, token: 't' },
    });
  const git = await account('GitProvider', 'k-git');
  const gitSpare = await account('GitProvider', 'k-git-spare');
  const registry = await account('ImageRegistry', 'k-registry');
  const registrySpare = await account('ImageRegistry', 'k-registry-spare');
  const { updates } = await admin.read<{ updates: { id: string }[] }>('ListUpdates');
  return {
    userId: user._id.$oid,
    updateId: updates[0].id,
    alertId: await openAlert(monitor, 'k-server'),
    gitAccount: git._id.$oid,
    gitAccountSpare: gitSpare._id.$oid,
    registryAccount: registry._id.$oid,
    registryAccountSpare: registrySpare._id.$oid,
  };
}
