import {
  actionJson,
  serverJson,
  volumeJson,
  type FakeAction,
  type FakeHetznerServer,
  type FakeHetznerVolume,
} from './hetzner-json';
import {
  HetznerFault,
  invalid,
  notFound,
  optional,
  serverFrom,
  text,
  type Body,
} from './hetzner-requests';
import { matchesSelector } from './label-selector';

export { HetznerFault } from './hetzner-requests';

export interface WorldTiming {
  runningAfterMs: number;
  actionMs: number;
  publicIp: string;
  privateIp: string;
}

/** The project's servers, volumes and actions, and how they move on as time passes. */
export class HetznerWorld {
  readonly servers = new Map<number, FakeHetznerServer>();
  readonly volumes = new Map<number, FakeHetznerVolume>();
  readonly actions = new Map<number, FakeAction>();
  stuckInitializing = false;
  /** By command: the errors the next actions of it end with. */
  readonly failingActions = new Map<string, { code: string; message: string }[]>();
  private nextId = 1000;

  constructor(private readonly timing: WorldTiming) {}

  createServer(body: Body, now: number) {
    const server = serverFrom(body, this.newId(), now, this.timing);
    if ([...this.servers.values()].some((s) => s.name === server.name))
      throw new HetznerFault(
        409,
        'uniqueness_error',
        `server name '${server.name}' is already used`,
      );
    const volumeIds = server.volumes;
    for (const id of volumeIds) {
      const volume = this.volumes.get(id);
      if (!volume) throw notFound('volume', id);
      if (volume.server !== null) throw invalid(`volume ${id} is already attached`);
    }
    this.servers.set(server.id, server);
    for (const id of volumeIds) this.volumes.get(id)!.server = server.id;
    // A create that fails leaves the server there, off: a cleanup still has to delete it.
    const action = this.action('create_server', [{ id: server.id, type: 'server' }], now, {
      failed: () => void (server.status = 'off'),
    });
    const start = this.action('start_server', [{ id: server.id, type: 'server' }], now);
    return {
      server: serverJson(server),
      action: actionJson(action),
      next_actions: [actionJson(start)],
      root_password: null,
    };
  }

  server(id: number) {
    const server = this.servers.get(id);
    if (!server) throw notFound('server', id);
    return { server: serverJson(server) };
  }

  listServers(query: URLSearchParams) {
    const name = query.get('name');
    const found = labelled([...this.servers.values()], query).filter(
      (s) => !name || s.name === name,
    );
    const { items, meta } = page(found, query);
    return { servers: items.map(serverJson), meta };
  }

  /** GET /v1/volumes: by label selector (and name), paged as servers are. */
  listVolumes(query: URLSearchParams) {
    const name = query.get('name');
    const found = labelled([...this.volumes.values()], query).filter(
      (v) => !name || v.name === name,
    );
    const { items, meta } = page(found, query);
    return { volumes: items.map(volumeJson), meta };
  }

  /** Deleting, then gone once its action finishes; its volumes stay, detached. */
  deleteServer(id: number, now: number) {
    const server = this.servers.get(id);
    if (!server) throw notFound('server', id);
    const before = server.status;
    server.status = 'deleting';
    const action = this.action('delete_server', [{ id, type: 'server' }], now, {
      done: () => {
        this.servers.delete(id);
        for (const volume of this.volumes.values()) if (volume.server === id) volume.server = null;
      },
      failed: () => void (server.status = before),
    });
    return { action: actionJson(action) };
  }

  createVolume(body: Body, now: number) {
    const name = text(body.name);
    if (!name) throw invalid("missing field 'name'");
    if ([...this.volumes.values()].some((v) => v.name === name))
      throw new HetznerFault(409, 'uniqueness_error', `volume name '${name}' is already used`);
    const size = Number(body.size);
    if (!Number.isInteger(size) || size < 10 || size > 10240)
      throw invalid(`invalid input in field 'size': ${String(body.size)} (10 to 10240 GB)`);
    const serverId = body.server as number | undefined;
    if (serverId === undefined && !body.location)
      throw invalid("one of 'location' and 'server' is required");
    if (serverId !== undefined && !this.servers.has(serverId)) throw notFound('server', serverId);
    const volume: FakeHetznerVolume = {
      id: this.newId(),
      name,
      size,
      status: 'creating',
      server: serverId ?? null,
      location: optional(body.location),
      format: optional(body.format),
      labels: (body.labels as Record<string, string> | undefined) ?? {},
      createdAt: now,
    };
    this.volumes.set(volume.id, volume);
    if (serverId !== undefined) this.servers.get(serverId)!.volumes.push(volume.id);
    const action = this.action('create_volume', [{ id: volume.id, type: 'volume' }], now, {
      done: () => void (volume.status = 'available'),
    });
    return { volume: volumeJson(volume), action: actionJson(action), next_actions: [] };
  }

  volume(id: number) {
    const volume = this.volumes.get(id);
    if (!volume) throw notFound('volume', id);
    return { volume: volumeJson(volume) };
  }

  /** Hetzner deletes detached volumes only (this error's code is the fake's choice). */
  deleteVolume(id: number) {
    const volume = this.volumes.get(id);
    if (!volume) throw notFound('volume', id);
    if (volume.server !== null)
      throw new HetznerFault(423, 'locked', `volume ${id} is attached to server ${volume.server}`);
    this.volumes.delete(id);
  }

  action(
    command: string,
    resources: FakeAction['resources'],
    now: number,
    effects: Pick<FakeAction, 'done' | 'failed'> = {},
  ) {
    const action: FakeAction = {
      id: this.newId(),
      command,
      resources,
      startedAt: now,
      finishAt: now + this.timing.actionMs,
      status: 'running',
      error: this.failingActions.get(command)?.shift(),
      ...effects,
    };
    this.actions.set(action.id, action);
    return action;
  }

  actionById(id: number) {
    const action = this.actions.get(id);
    if (!action) throw notFound('action', id);
    return { action: actionJson(action) };
  }

  /** Actions past their time finish; servers past their boot time are to turn running. */
  finishActions(now: number): void {
    for (const action of this.actions.values()) {
      if (action.status !== 'running' || action.finishAt > now) continue;
      action.status = action.error ? 'error' : 'success';
      if (action.error) action.failed?.();
      else action.done?.();
    }
  }

  /** The servers now due to turn `running` (the caller runs its listeners, then `markRunning`). */
  dueToRun(now: number): FakeHetznerServer[] {
    if (this.stuckInitializing) return [];
    return [...this.servers.values()].filter(
      (s) => s.status === 'initializing' && now - s.createdAt >= this.timing.runningAfterMs,
    );
  }

  private newId(): number {
    return this.nextId++;
  }
}

/** The items whose labels match the query's `label_selector` (400 on a malformed one). */
function labelled<T extends { labels: Record<string, string> }>(
  items: T[],
  query: URLSearchParams,
): T[] {
  const selector = query.get('label_selector') ?? '';
  try {
    return items.filter((item) => matchesSelector(item.labels, selector));
  } catch (error) {
    throw invalid((error as Error).message);
  }
}

/** One page of `found` as Hetzner pages lists (`per_page` at most 50). */
function page<T>(found: T[], query: URLSearchParams) {
  const perPage = Math.min(Number(query.get('per_page') ?? 25), 50);
  const at = Number(query.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(found.length / perPage));
  return {
    items: found.slice((at - 1) * perPage, at * perPage),
    meta: {
      pagination: {
        page: at,
        per_page: perPage,
        previous_page: at > 1 ? at - 1 : null,
        next_page: at < last ? at + 1 : null,
        last_page: last,
        total_entries: found.length,
      },
    },
  };
}
