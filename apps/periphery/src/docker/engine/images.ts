import type Dockerode from 'dockerode';
import type { IncomingMessage } from 'node:http';
import { engineName, type EngineHttp } from './engine-http';

/** An account at a registry, as the engine takes it in X-Registry-Auth. */
export interface RegistryAuthConfig {
  username: string;
  password: string;
  serveraddress: string;
}

export class EngineImages {
  constructor(private readonly http: EngineHttp) {}

  /** `all`: intermediate layers too. */
  list(options: { all?: boolean } = {}): Promise<Dockerode.ImageInfo[]> {
    return this.http.json({
      method: 'GET',
      path: '/images/json',
      query: { all: options.all || undefined },
    });
  }

  inspect(reference: string): Promise<Dockerode.ImageInspectInfo> {
    return this.http.json({ method: 'GET', path: `/images/${engineName(reference)}/json` });
  }

  /** What the registry serves under the reference now (its digest), without pulling it. */
  distribution(
    reference: string,
    auth?: RegistryAuthConfig,
  ): Promise<Dockerode.ImageDistributionInfo> {
    return this.http.json({
      method: 'GET',
      path: `/distribution/${engineName(reference)}/json`,
      headers: auth ? { 'X-Registry-Auth': registryAuthHeader(auth) } : {},
    });
  }

  /**
   * Starts a pull: its progress as JSON lines (read them with `readJsonLines`). A registry's
   * refusal comes as the call's failure when the engine has written nothing yet, else as an
   * `error` line of the stream: the reader looks for both.
   */
  pull(reference: string, auth?: RegistryAuthConfig): Promise<IncomingMessage> {
    return this.http.stream({
      method: 'POST',
      path: '/images/create',
      query: pullQuery(reference),
      headers: auth ? { 'X-Registry-Auth': registryAuthHeader(auth) } : {},
    });
  }

  /**
   * Starts a push of one `name:tag`: its progress as JSON lines. As with a pull, a registry's
   * refusal may come as an `error` line after the engine answered 200.
   */
  push(reference: string, auth?: RegistryAuthConfig): Promise<IncomingMessage> {
    const { fromImage, tag } = pullQuery(reference);
    return this.http.stream({
      method: 'POST',
      path: `/images/${engineName(fromImage)}/push`,
      query: { tag },
      // The engine refuses a push without the header, even to a registry that needs no login.
      headers: { 'X-Registry-Auth': registryAuthHeader(auth ?? NO_ACCOUNT) },
    });
  }

  /**
   * Whether the registry takes the account: the engine's `/auth`, which `docker login` calls
   * (the engine keeps nothing of it). A refusal is an EngineApiError in the registry's words.
   */
  async login(auth: RegistryAuthConfig): Promise<void> {
    await this.http.send({ method: 'POST', path: '/auth', body: auth });
  }
}

const NO_ACCOUNT: RegistryAuthConfig = { username: '', password: '', serveraddress: '' };

/**
 * `fromImage` and `tag` as the CLI sends them: a reference without tag or digest is pulled as
 * `latest` (the engine would otherwise pull every tag of the repository).
 */
export function pullQuery(reference: string): { fromImage: string; tag: string } {
  const at = reference.indexOf('@');
  if (at >= 0) return { fromImage: reference.slice(0, at), tag: reference.slice(at + 1) };
  const colon = reference.lastIndexOf(':');
  // A colon before the last slash is a registry's port, not a tag.
  if (colon > reference.lastIndexOf('/'))
    return { fromImage: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { fromImage: reference, tag: 'latest' };
}

/** The account as the engine decodes it: JSON in URL-safe base64, padded. */
export function registryAuthHeader(auth: RegistryAuthConfig): string {
  return Buffer.from(JSON.stringify(auth))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}
