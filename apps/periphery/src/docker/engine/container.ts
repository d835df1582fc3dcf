import type Dockerode from 'dockerode';
import { engineName, type EngineHttp } from './engine-http';

export interface ContainerWaitAnswer {
  StatusCode: number;
  Error?: { Message?: string } | null;
}

/** What the agent reads of a container's log: one answer, not a follow. */
export interface ContainerLogsQuery {
  tail: number;
  timestamps: boolean;
}

/**
 * One container, by name or id, as the agent acts on it. The calls answer the engine's JSON as
 * dockerode's types describe it (the same JSON); a refusal throws an EngineApiError, a 304
 * ("already started", "already stopped") included.
 */
export class EngineContainer {
  private readonly path: string;

  constructor(
    private readonly http: EngineHttp,
    readonly id: string,
  ) {
    this.path = `/containers/${engineName(id)}`;
  }

  /** With `size`, SizeRw and SizeRootFs too (the engine then walks the container's files). */
  inspect(options: { size?: boolean } = {}): Promise<Dockerode.ContainerInspectInfo> {
    return this.http.json({
      method: 'GET',
      path: `${this.path}/json`,
      query: { size: options.size || undefined },
    });
  }

  start(): Promise<void> {
    return this.http.send({ method: 'POST', path: `${this.path}/start` });
  }

  /** `t`: seconds before SIGKILL; the container's own StopTimeout (else 10) without it. */
  stop(options: { t?: number } = {}): Promise<void> {
    return this.http.send({ method: 'POST', path: `${this.path}/stop`, query: { t: options.t } });
  }

  restart(): Promise<void> {
    return this.http.send({ method: 'POST', path: `${this.path}/restart` });
  }

  kill(options: { signal: string }): Promise<void> {
    return this.http.send({
      method: 'POST',
      path: `${this.path}/kill`,
      query: { signal: options.signal },
    });
  }

  pause(): Promise<void> {
    return this.http.send({ method: 'POST', path: `${this.path}/pause` });
  }

  unpause(): Promise<void> {
    return this.http.send({ method: 'POST', path: `${this.path}/unpause` });
  }

  /** `v`: its anonymous volumes too. */
  remove(options: { force?: boolean; v?: boolean } = {}): Promise<void> {
    return this.http.send({
      method: 'DELETE',
      path: this.path,
      query: { force: options.force || undefined, v: options.v || undefined },
    });
  }

  rename(name: string): Promise<void> {
    return this.http.send({ method: 'POST', path: `${this.path}/rename`, query: { name } });
  }

  /** Answers once the condition holds; aborting `signal` stops waiting (and the connection). */
  wait(
    condition: 'not-running' | 'next-exit' | 'removed',
    signal?: AbortSignal,
  ): Promise<ContainerWaitAnswer> {
    return this.http.json({
      method: 'POST',
      path: `${this.path}/wait`,
      query: { condition },
      signal,
    });
  }

  /**
   * The log's tail, stdout and stderr both, as the engine sends it: framed (see log-frames.ts)
   * unless the container has a TTY.
   */
  logs(query: ContainerLogsQuery): Promise<Buffer> {
    return this.http.buffer({
      method: 'GET',
      path: `${this.path}/logs`,
      query: { stdout: true, stderr: true, follow: false, ...query },
    });
  }

  /**
   * One stats answer. Not one-shot: the engine takes a second sample about a second later, which
   * the CPU figure needs (a one-shot answer has no earlier sample).
   */
  stats(): Promise<Dockerode.ContainerStats> {
    return this.http.json({ method: 'GET', path: `${this.path}/stats`, query: { stream: false } });
  }
}
