/** What `createFleet` made: the names, in creation order. */
export interface Fleet {
  servers: string[];
  deployments: string[];
}

export interface FleetSize {
  servers: number;
  deployments: number;
  /** Requests in flight at once (default 16). */
  width?: number;
}

/**
 * Creates `servers` Servers (disabled, so no agent is polled) and `deployments` Deployments
 * spread over them round-robin, through the real write API in parallel: the events, the read
 * model and the answers are the ones users get. Names: `server-<i>` and `app-<i>`.
 */
export async function createFleet(url: string, jwt: string, size: FleetSize): Promise<Fleet> {
  const width = size.width ?? 16;
  const write = async (request: string, params: object) => {
    const response = await fetch(`${url}/write/${request}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: jwt },
      body: JSON.stringify(params),
    });
    if (!response.ok) throw new Error(`${request}: ${response.status} ${await response.text()}`);
  };
  const servers = Array.from({ length: size.servers }, (_, i) => `server-${i}`);
  await inParallel(servers, width, (name) =>
    write('CreateServer', {
      name,
      config: { address: 'http://127.0.0.1:1', enabled: false },
    }),
  );
  const deployments = Array.from({ length: size.deployments }, (_, i) => `app-${i}`);
  await inParallel(deployments, width, (name, i) =>
    write('CreateDeployment', {
      name,
      config: {
        server_id: servers[i % servers.length],
        image: { type: 'Image', params: { image: `${name}:latest` } },
      },
    }),
  );
  return { servers, deployments };
}

/** Runs `work` over `items` with at most `width` at once; the first failure fails the whole. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}
