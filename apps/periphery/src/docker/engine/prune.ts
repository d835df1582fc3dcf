import type Dockerode from 'dockerode';
import type { EngineHttp } from './engine-http';

/** The engine's prune filters: `label`, `label!`, `until`, `dangling`, each a list. */
export type EnginePruneFilters = Record<string, string[]>;

/** What the engine answers of the lists it removed: null rather than [] when nothing went. */
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

export type ContainersPruned = Nullable<Dockerode.PruneContainersInfo, 'ContainersDeleted'>;
export type ImagesPruned = Nullable<Dockerode.PruneImagesInfo, 'ImagesDeleted'>;
export type NetworksPruned = Nullable<Dockerode.PruneNetworksInfo, 'NetworksDeleted'>;
export type VolumesPruned = Nullable<Dockerode.PruneVolumesInfo, 'VolumesDeleted'>;
export interface BuilderPruned {
  CachesDeleted: string[] | null;
  SpaceReclaimed: number;
}

/** Removing what is unused, by kind; each answers what went and the space freed. */
export class EnginePrune {
  constructor(private readonly http: EngineHttp) {}

  containers(filters: EnginePruneFilters = {}): Promise<ContainersPruned> {
    return this.http.json({ method: 'POST', path: '/containers/prune', query: { filters } });
  }

  /** Dangling images only, unless `dangling: ['false']`: every unused one. */
  images(filters: EnginePruneFilters = {}): Promise<ImagesPruned> {
    return this.http.json({ method: 'POST', path: '/images/prune', query: { filters } });
  }

  networks(filters: EnginePruneFilters = {}): Promise<NetworksPruned> {
    return this.http.json({ method: 'POST', path: '/networks/prune', query: { filters } });
  }

  /** Anonymous volumes only on API 1.42 and later, unless `all: ['true']`. */
  volumes(filters: EnginePruneFilters = {}): Promise<VolumesPruned> {
    return this.http.json({ method: 'POST', path: '/volumes/prune', query: { filters } });
  }

  /** The whole build cache. */
  builder(): Promise<BuilderPruned> {
    return this.http.json({ method: 'POST', path: '/build/prune' });
  }
}
