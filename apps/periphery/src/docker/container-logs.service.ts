import type { KomodoContainer } from '@monitor/contracts/agent';
import { toKomodoContainer } from './container-inspect';
import { assertOwner, type OwnerDto } from './container-owner';
import { DockerEngine } from './docker-engine';
import type { Log } from './docker-shapes';
import { demuxLog, type DemuxedLog } from './log-frames';
import { searchLines, type LogSearch } from './log-search';

/** Komodo searches the last 5000 lines; so does the agent. */
export const SEARCH_TAIL = 5000;

export interface LogRequest {
  name: string;
  tail: number;
  timestamps?: boolean;
  /** Only a container labelled as this resource's is read. */
  owner?: OwnerDto;
}

/** GetContainerLog, GetContainerLogSearch and InspectContainer. */
export class ContainerLogsService {
  constructor(private readonly engine: DockerEngine) {}

  /** Komodo's Container, sizes included as Komodo asks for them. */
  inspect(name: string, owner?: OwnerDto): Promise<KomodoContainer> {
    return this.engine.withContainer(name, async (container) => {
      const info = await container.inspect({ size: true });
      assertOwner(name, info.Config?.Labels, owner);
      return toKomodoContainer(info as unknown as Record<string, unknown>);
    });
  }

  /** The log's tail, stdout and stderr apart, as Komodo's Log. */
  async log(request: LogRequest): Promise<Log> {
    const start_ts = Date.now();
    const log = await this.read(request);
    return {
      stage: 'get container log',
      command: describeCommand(request),
      stdout: log.stdout,
      stderr: log.stderr,
      success: true,
      start_ts,
      end_ts: Date.now(),
    };
  }

  /** The lines of the last 5000 (both streams, in order) that match; all go to stdout. */
  async search(
    request: { name: string; timestamps?: boolean; owner?: OwnerDto } & LogSearch,
  ): Promise<Log> {
    const start_ts = Date.now();
    const { name, timestamps, owner } = request;
    const logRequest = { name, tail: SEARCH_TAIL, timestamps, owner };
    const log = await this.read(logRequest);
    const lines = searchLines(log.combined, request);
    const joiner = request.combinator === 'And' ? ' AND ' : ' OR ';
    const terms = request.terms.map((t) => JSON.stringify(t)).join(joiner);
    return {
      stage: 'search container log',
      command: `${describeCommand(logRequest)} | search ${request.invert ? 'NOT ' : ''}(${terms})`,
      stdout: lines.length ? `${lines.join('\n')}\n` : '',
      stderr: '',
      success: true,
      start_ts,
      end_ts: Date.now(),
    };
  }

  private read(request: LogRequest): Promise<DemuxedLog> {
    return this.engine.withContainer(request.name, async (container) => {
      // The framing depends on whether the container has a TTY: ask rather than guess.
      const info = await container.inspect();
      assertOwner(request.name, info.Config?.Labels, request.owner);
      const raw = await container.logs({
        tail: request.tail,
        timestamps: Boolean(request.timestamps),
      });
      return demuxLog(raw, Boolean(info.Config?.Tty));
    });
  }
}

/**
 * What the core shows as the log's command: the docker CLI equivalent, for the user's benefit.
 * The agent itself runs no command; it calls the Engine API.
 */
function describeCommand(request: LogRequest): string {
  return `docker logs --tail ${request.tail}${request.timestamps ? ' --timestamps' : ''} ${request.name}`;
}
