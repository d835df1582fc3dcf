import { DockerEngine } from './docker-engine';
import type { Log } from './docker-shapes';
import { pruneReport, type PruneOutcome } from './prune-report';

/** Docker's prune filters the agent passes on (`label=k=v`, `label!=k`, `until=24h`). */
export interface PruneFilters {
  label?: string[];
  'label!'?: string[];
  until?: string;
}

const TARGETS = {
  containers: 'container',
  images: 'image',
  networks: 'network',
  volumes: 'volume',
} as const;

export type PruneTarget = keyof typeof TARGETS;

/**
 * PruneContainers, PruneImages, PruneNetworks, PruneVolumes and PruneSystem, answered as Komodo's
 * Log with what went and the space it freed. Like Komodo (`docker image prune -a`), images are
 * pruned when unused, not only when dangling.
 */
export class PruneService {
  constructor(private readonly engine: DockerEngine) {}

  async prune(target: PruneTarget, filters: PruneFilters = {}): Promise<Log> {
    const start_ts = Date.now();
    const outcome = await this.run(target, filters);
    return {
      stage: `prune ${target}`,
      command: `docker ${TARGETS[target]} prune${target === 'images' ? ' --all' : ''} --force${describe(filters)}`,
      stdout: pruneReport([outcome]),
      stderr: '',
      success: true,
      start_ts,
      end_ts: Date.now(),
    };
  }

  /** Everything unused, in the order that frees the most: containers first release the rest. */
  async pruneSystem(filters: PruneFilters = {}): Promise<Log> {
    const start_ts = Date.now();
    const outcomes: PruneOutcome[] = [];
    for (const target of ['containers', 'networks', 'volumes', 'images'] as const) {
      // Volumes take no `until` filter; the CLI's system prune leaves it out for them too.
      const own = target === 'volumes' ? { ...filters, until: undefined } : filters;
      outcomes.push(await this.run(target, own));
    }
    if (!Object.keys(clean(filters)).length) {
      const cache = await this.engine.call((docker) => docker.prune.builder());
      outcomes.push({
        heading: 'Deleted build cache objects',
        removed: cache.CachesDeleted ?? [],
        reclaimed: cache.SpaceReclaimed,
      });
    }
    return {
      stage: 'prune system',
      command: `docker system prune --all --volumes --force${describe(filters)}`,
      stdout: pruneReport(outcomes),
      stderr: '',
      success: true,
      start_ts,
      end_ts: Date.now(),
    };
  }

  private async run(target: PruneTarget, filters: PruneFilters): Promise<PruneOutcome> {
    const own = clean(filters);
    switch (target) {
      case 'containers': {
        const r = await this.engine.call((d) => d.prune.containers(own));
        return {
          heading: 'Deleted Containers',
          removed: r.ContainersDeleted ?? [],
          reclaimed: r.SpaceReclaimed,
        };
      }
      case 'images': {
        const r = await this.engine.call((d) => d.prune.images({ ...own, dangling: ['false'] }));
        const removed = (r.ImagesDeleted ?? []).map((i) =>
          i.Deleted ? `deleted: ${i.Deleted}` : `untagged: ${i.Untagged}`,
        );
        return { heading: 'Deleted Images', removed, reclaimed: r.SpaceReclaimed };
      }
      case 'networks': {
        const r = await this.engine.call((d) => d.prune.networks(own));
        return { heading: 'Deleted Networks', removed: r.NetworksDeleted ?? [] };
      }
      case 'volumes': {
        const r = await this.engine.call((d) => d.prune.volumes(own));
        return {
          heading: 'Deleted Volumes',
          removed: r.VolumesDeleted ?? [],
          reclaimed: r.SpaceReclaimed,
        };
      }
    }
  }
}

function clean(filters: PruneFilters): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (filters.label?.length) out.label = filters.label;
  if (filters['label!']?.length) out['label!'] = filters['label!'];
  if (filters.until) out.until = [filters.until];
  return out;
}

function describe(filters: PruneFilters): string {
  return Object.entries(clean(filters))
    .flatMap(([key, values]) => values.map((value) => ` --filter ${key}=${value}`))
    .join('');
}
