import fc from 'fast-check';
import {
  KIND_SPECS,
  RESOURCE_KINDS,
  resourceEvent,
  resourceStream,
  type DomainEvent,
  type ResourceKind,
} from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { ReadModelFeed } from '../../testing/read-model-feed';
import { toListItem } from '../komodo-shapes';
import { listInfos } from './list-infos';
import { staleAfter } from './list-item-invalidation';
import { ListItems } from './list-items';
import { ListOrders } from './list-orders';
import { sortListItems } from './list-sort';

const IDS = ['6500000000000000000000a1', '6500000000000000000000a2', '6500000000000000000000a3'];
const NAMES = ['alpha', 'beta', 'gamma'];
/** The runs each kind's info reads (any other run of it is listed too: it must change nothing). */
const RUNS: Record<ResourceKind, string> = {
  Server: 'PruneImages',
  Deployment: 'Deploy',
  Stack: 'DeployStack',
  Repo: 'CloneRepo',
  Build: 'RunBuild',
  Builder: 'RunBuild',
  Procedure: 'RunProcedure',
  Action: 'RunAction',
  ResourceSync: 'RunSync',
  Alerter: 'TestAlerter',
  ServerTemplate: 'LaunchServer',
};

/** A config field a step may set, per kind: the references and flags list infos read. */
const CONFIG_CHANGES: Partial<Record<ResourceKind, fc.Arbitrary<Record<string, unknown>>>> = {
  Server: fc.record({ enabled: fc.boolean(), region: fc.constantFrom('', 'eu') }),
  Deployment: fc.record({
    server_id: fc.constantFrom('', ...IDS, ...NAMES),
    image: fc.constantFrom(
      { type: 'Image', params: { image: 'app:1' } },
      { type: 'Build', params: { build_id: IDS[0], version: { major: 0, minor: 0, patch: 0 } } },
    ),
  }),
  Stack: fc.record({ server_id: fc.constantFrom('', ...IDS, ...NAMES) }),
  Repo: fc.record({ server_id: fc.constantFrom('', ...IDS), repo: fc.constantFrom('', 'o/r') }),
  Build: fc.record({ linked_repo: fc.constantFrom('', ...IDS) }),
  ResourceSync: fc.record({ linked_repo: fc.constantFrom('', ...IDS) }),
};

const kind = fc.constantFrom(...RESOURCE_KINDS);
/** The orders a list may ask, whose keys the steps change (name, state, server, config). */
const SORTS = ['State', 'Host', 'Region', 'Image', 'Source'] as const;
const id = fc.constantFrom(...IDS);

/** One thing that happens: a write, a poll's observation, a run, or a read that fills the cache. */
const step = fc.oneof(
  {
    arbitrary: fc.record({
      type: fc.constant('create' as const),
      kind,
      id,
      name: fc.constantFrom(...NAMES),
    }),
    weight: 3,
  },
  fc.record({ type: fc.constant('rename' as const), kind, id, name: fc.constantFrom(...NAMES) }),
  fc.record({ type: fc.constant('delete' as const), kind, id }),
  fc.record({ type: fc.constant('tags' as const), kind, id, tags: fc.subarray(['t1', 't2']) }),
  fc.record({
    type: fc.constant('config' as const),
    kind: fc.constantFrom(...(Object.keys(CONFIG_CHANGES) as ResourceKind[])),
    id,
    seed: fc.nat(),
  }),
  fc.record({
    type: fc.constant('observed' as const),
    kind: fc.constantFrom('Server', 'Deployment', 'Stack'),
    id,
    state: fc.constantFrom('running', 'exited', 'Ok', 'NotOk'),
    update: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('run' as const),
    kind,
    id,
    run: fc.constantFrom('r1', 'r2', 'r3'),
    own: fc.boolean(),
    done: fc.boolean(),
  }),
  fc.record({ type: fc.constant('read' as const) }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

class Log {
  private readonly revisions = new Map<string, number>();
  private readonly live = new Map<string, { name: string }>();
  private readonly feed: ReadModelFeed;

  constructor(readonly readModel: ReadModel) {
    this.feed = new ReadModelFeed(readModel);
  }

  append(stream: string, event: DomainEvent): void {
    const revision = this.revisions.get(stream) ?? 0;
    this.revisions.set(stream, revision + 1);
    this.feed.apply(stream, event, revision);
  }

  /** Applies the step as the events the real writer would append; impossible ones are skipped. */
  run(s: Step, items: ListItems, orders?: ListOrders): void {
    if (s.type === 'read') {
      for (const k of RESOURCE_KINDS) {
        for (const r of this.readModel.sortedList(k)) items.json(r);
        for (const by of SORTS) orders?.sorted(k, by, this.readModel.sortedList(k));
      }
      return;
    }
    if (s.type === 'observed') return this.observe(s);
    if (s.type === 'run') return this.execute(s);
    const key = `${s.kind}/${s.id}`;
    const stream = resourceStream(s.kind, s.id);
    const current = this.live.get(key);
    if (s.type === 'create') {
      if (current || this.revisions.has(stream)) return;
      const config = KIND_SPECS[s.kind].defaults() as Record<string, unknown>;
      this.live.set(key, { name: s.name });
      return this.append(
        stream,
        resourceEvent(s.kind, 'Created', {
          id: s.id,
          name: s.name,
          description: '',
          tags: [],
          config,
        }),
      );
    }
    if (!current) return;
    if (s.type === 'delete') {
      this.live.delete(key);
      return this.append(stream, resourceEvent(s.kind, 'Deleted', { name: current.name }));
    }
    if (s.type === 'rename') {
      this.append(stream, resourceEvent(s.kind, 'Renamed', { from: current.name, to: s.name }));
      current.name = s.name;
      return;
    }
    if (s.type === 'tags') {
      return this.append(stream, resourceEvent(s.kind, 'TagsUpdated', { from: [], to: s.tags }));
    }
    const change = fc.sample(CONFIG_CHANGES[s.kind]!, { seed: s.seed, numRuns: 1 })[0];
    const diff = Object.fromEntries(
      Object.entries(change).map(([field, to]) => [field, { from: undefined, to }]),
    );
    this.append(stream, resourceEvent(s.kind, 'ConfigUpdated', { diff }));
  }

  private observe(s: Extract<Step, { type: 'observed' }>): void {
    if (s.kind === 'Server') {
      const data = { state: s.state === 'Ok' ? 'Ok' : 'NotOk', reason: 'r', version: '2.3' };
      return this.append(`serverstatus-${s.id}`, { type: 'ServerStatusChanged', data });
    }
    if (s.kind === 'Deployment') {
      const type = s.update ? 'DeploymentImageUpdateObserved' : 'DeploymentStateObserved';
      const data = s.update
        ? { update_available: s.state === 'running', remote_digest: 'd', at: 1 }
        : { state: s.state, image: 'app:2', at: 1 };
      return this.append(`deploymentstatus-${s.id}`, { type, data });
    }
    const services = [{ service: 'web', state: s.state, image: 'web:1' }];
    const data = s.update ? { services: ['web'], at: 1 } : { state: s.state, services, at: 1 };
    const type = s.update ? 'StackImageUpdatesObserved' : 'StackStateObserved';
    this.append(`stackstatus-${s.id}`, { type, data });
  }

  private execute(s: Extract<Step, { type: 'run' }>): void {
    const stream = `update-${s.kind}-${s.id}-${s.run}`;
    const started = this.revisions.has(stream);
    if (!started) {
      const data = {
        id: `${s.kind}-${s.id}-${s.run}`,
        operation: s.own ? RUNS[s.kind] : 'Other',
        target: { type: s.kind, id: s.id },
        queued: false,
        ts: this.readModel.position,
      };
      this.append(stream, { type: 'UpdateStarted', data });
    }
    if (s.done || started)
      this.append(stream, {
        type: 'UpdateCompleted',
        data: { success: true, ts: this.readModel.position },
      });
  }
}

describe('ListItems: list items kept ready equal ones built fresh', () => {
  it('after any sequence of writes, observations and runs, for every kind, in every order', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const readModel = new ReadModel();
        const items = new ListItems(readModel, 'UTC');
        const orders = new ListOrders(items);
        const fresh = listInfos(readModel);
        const log = new Log(readModel);
        for (const s of steps) log.run(s, items, orders);
        for (const k of RESOURCE_KINDS) {
          const built = readModel.sortedList(k).map((r) => {
            const info = (fresh[k] as (x: typeof r) => Record<string, unknown>)(r);
            expect(items.json(r)).toBe(JSON.stringify(toListItem(r, info)));
            expect(items.item(r)).toEqual(toListItem(r, info));
            return toListItem(r, info);
          });
          for (const by of SORTS) {
            const kept = orders.sorted(k, by, readModel.sortedList(k)).map((r) => r.id);
            expect(kept).toEqual(sortListItems(built, by).map((i) => i.id));
          }
        }
        items.close();
      }),
      { numRuns: 500 },
    );
  });

  it('a Deployment read once shows `deploying` as soon as its Deploy starts', () => {
    const readModel = new ReadModel();
    const items = new ListItems(readModel, 'UTC');
    const log = new Log(readModel);
    log.run({ type: 'create', kind: 'Deployment', id: IDS[1], name: 'web' }, items);
    const deployment = () => readModel.resource('Deployment', 'web')!;
    expect(items.item(deployment()).info).toMatchObject({ state: 'unknown' });
    log.run(
      { type: 'run', kind: 'Deployment', id: IDS[1], run: 'r1', own: true, done: false },
      items,
    );
    expect(items.item(deployment()).info).toMatchObject({ state: 'deploying' });
    items.close();
  });

  it('an order kept by State follows a polled state at once, and a rename by name', () => {
    const readModel = new ReadModel();
    const items = new ListItems(readModel, 'UTC');
    const orders = new ListOrders(items);
    const log = new Log(readModel);
    log.run({ type: 'create', kind: 'Deployment', id: IDS[0], name: 'alpha' }, items);
    log.run({ type: 'create', kind: 'Deployment', id: IDS[1], name: 'beta' }, items);
    const byState = () =>
      orders.sorted('Deployment', 'State', readModel.sortedList('Deployment')).map((r) => r.name);
    expect(byState()).toEqual(['alpha', 'beta']);
    const observed = { type: 'observed', kind: 'Deployment', update: false } as const;
    log.run({ ...observed, id: IDS[0], state: 'running' }, items);
    log.run({ ...observed, id: IDS[1], state: 'exited' }, items);
    expect(byState()).toEqual(['beta', 'alpha']);
    log.run({ ...observed, id: IDS[1], state: 'running' }, items);
    expect(byState()).toEqual(['alpha', 'beta']);
    log.run({ type: 'rename', kind: 'Deployment', id: IDS[0], name: 'gamma' }, items);
    expect(byState()).toEqual(['beta', 'gamma']);
    items.close();
  });

  it('a resource read once, then renamed, answers its new name at once', () => {
    const readModel = new ReadModel();
    const items = new ListItems(readModel, 'UTC');
    const log = new Log(readModel);
    log.run({ type: 'create', kind: 'Server', id: IDS[0], name: 'alpha' }, items);
    log.run({ type: 'create', kind: 'Deployment', id: IDS[1], name: 'web' }, items);
    log.append(
      resourceStream('Deployment', IDS[1]),
      resourceEvent('Deployment', 'ConfigUpdated', {
        diff: { server_id: { from: '', to: IDS[0] } },
      }),
    );
    const deployment = () => readModel.resource('Deployment', 'web')!;
    expect(items.item(deployment()).info).toMatchObject({ server_name: 'alpha' });
    log.run({ type: 'rename', kind: 'Server', id: IDS[0], name: 'beta' }, items);
    expect(items.item(deployment()).info).toMatchObject({ server_name: 'beta' });
    items.close();
  });
});

describe('staleAfter: what an event makes stale', () => {
  it('a resource event its own item and the kinds that show it; a status its resource', () => {
    expect(staleAfter(`server-${IDS[0]}`)).toEqual({
      items: [{ kind: 'Server', id: IDS[0] }],
      kinds: ['Deployment', 'Stack', 'Repo'],
    });
    expect(staleAfter(`deploymentstatus-${IDS[1]}`)).toEqual({
      items: [{ kind: 'Deployment', id: IDS[1] }],
      kinds: [],
    });
    expect(staleAfter('alerterhealth-a1')).toEqual({ items: [], kinds: ['Alerter'] });
  });

  it("nothing for streams no info reads (a create's name reservation); everything for one it does not know", () => {
    expect(staleAfter('name-deployment-web')).toEqual({ items: [], kinds: [] });
    expect(staleAfter('webhookdelivery-s1-42')).toEqual({ items: [], kinds: [] });
    expect(staleAfter('somethingnew-1')).toBe('everything');
  });
});
