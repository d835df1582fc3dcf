import type Dockerode from 'dockerode';
import type { EngineHttp } from './engine-http';

/** The volume list's entries; CreatedAt is in the engine's answer, not in dockerode's types. */
export type VolumeInfo = Dockerode.VolumeInspectInfo & { CreatedAt?: string };

export class EngineNetworks {
  constructor(private readonly http: EngineHttp) {}

  list(): Promise<Dockerode.NetworkInspectInfo[]> {
    return this.http.json({ method: 'GET', path: '/networks' });
  }
}

export class EngineVolumes {
  constructor(private readonly http: EngineHttp) {}

  /** The engine answers `Volumes: null` when there is none: an empty list here. */
  async list(): Promise<VolumeInfo[]> {
    const answer = await this.http.json<{ Volumes: VolumeInfo[] | null }>({
      method: 'GET',
      path: '/volumes',
    });
    return answer.Volumes ?? [];
  }
}
