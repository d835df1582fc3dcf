import type Dockerode from 'dockerode';
import { EngineContainer } from './container';
import type { EngineHttp } from './engine-http';

/** dockerode's ContainerCreateOptions: the engine's create body, with the name it goes by. */
export type ContainerCreateOptions = Omit<
  Dockerode.ContainerCreateOptions,
  'name' | 'abortSignal'
> & {
  name: string;
};

/** Listing and creating containers; `get` for one of them. */
export class EngineContainers {
  constructor(private readonly http: EngineHttp) {}

  /** `filters`: the engine's, e.g. `{ label: ['com.docker.compose.project=web'] }`. */
  list(
    options: { all?: boolean; filters?: Record<string, string[]> } = {},
  ): Promise<Dockerode.ContainerInfo[]> {
    return this.http.json({
      method: 'GET',
      path: '/containers/json',
      query: { all: options.all || undefined, filters: options.filters },
    });
  }

  /** Answers the new container (not started). */
  async create({ name, ...body }: ContainerCreateOptions): Promise<EngineContainer> {
    const created = await this.http.json<{ Id: string }>({
      method: 'POST',
      path: '/containers/create',
      query: { name },
      body,
    });
    return this.get(created.Id);
  }

  get(nameOrId: string): EngineContainer {
    return new EngineContainer(this.http, nameOrId);
  }
}
