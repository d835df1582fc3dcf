import type { ComposeService } from '@monitor/contracts/agent';
import type Dockerode from 'dockerode';
import { DockerEngine } from '../docker/docker-engine';
import type { Log } from '../docker/docker-shapes';
import { SEARCH_TAIL } from '../docker/container-logs.service';
import { demuxLog } from '../docker/log-frames';
import { searchLines, type LogSearch } from '../docker/log-search';

const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';

/**
 * What a project is running, read from the engine by compose's own labels rather than by
 * parsing compose's output, whose format differs between v1 and v2.
 */
export class ComposeStatus {
  constructor(private readonly engine: DockerEngine) {}

  async services(project: string, services?: string[]): Promise<ComposeService[]> {
    const containers = await this.containers(project, services);
    return containers
      .map((c) => ({
        service: c.Labels?.[SERVICE_LABEL] ?? '',
        container_name: (c.Names?.[0] ?? '').replace(/^\//, ''),
        container_id: c.Id,
        image: c.Image,
        state: c.State,
        status: c.Status,
        health: healthOf(c.Status),
      }))
      .sort(
        (a, b) =>
          a.service.localeCompare(b.service) || a.container_name.localeCompare(b.container_name),
      );
  }

  /**
   * Every container's tail, each line prefixed by its container as `docker compose logs` does,
   * then by the engine's RFC 3339 time when `timestamps` is asked (as `logs --timestamps`).
   */
  async log(project: string, tail: number, services?: string[], timestamps = false): Promise<Log> {
    const start_ts = Date.now();
    const out: string[] = [];
    const err: string[] = [];
    for (const item of await this.services(project, services)) {
      const { stdout, stderr } = await this.engine.withContainer(item.container_id, async (c) => {
        const info = await c.inspect();
        return demuxLog(await c.logs({ tail, timestamps }), Boolean(info.Config?.Tty));
      });
      out.push(prefixLines(item.container_name, stdout));
      err.push(prefixLines(item.container_name, stderr));
    }
    const only = services?.length ? ` ${services.join(' ')}` : '';
    return {
      stage: 'get compose log',
      command: `docker compose -p ${project} logs --tail ${tail}${timestamps ? ' --timestamps' : ''}${only}`,
      stdout: out.join(''),
      stderr: err.join(''),
      success: true,
      start_ts,
      end_ts: Date.now(),
    };
  }

  /** Lines of every service's log (stdout and stderr) that match, as SearchStackLog answers. */
  async search(project: string, search: LogSearch, services?: string[]): Promise<Log> {
    const log = await this.log(project, SEARCH_TAIL, services);
    const lines = searchLines(`${log.stdout}${log.stderr}`, search);
    const joiner = search.combinator === 'And' ? ' AND ' : ' OR ';
    const terms = search.terms.map((t) => JSON.stringify(t)).join(joiner);
    return {
      ...log,
      stage: 'search compose log',
      command: `${log.command} | search ${search.invert ? 'NOT ' : ''}(${terms})`,
      stdout: lines.length ? `${lines.join('\n')}\n` : '',
      stderr: '',
      end_ts: Date.now(),
    };
  }

  private async containers(
    project: string,
    services?: string[],
  ): Promise<Dockerode.ContainerInfo[]> {
    const label = [`${PROJECT_LABEL}=${project}`];
    const all = await this.engine.call((docker) =>
      docker.containers.list({ all: true, filters: { label } }),
    );
    return services?.length
      ? all.filter((c) => services.includes(c.Labels?.[SERVICE_LABEL] ?? ''))
      : all;
  }
}

/** The engine reports health only inside the status text: "Up 3 minutes (healthy)". */
function healthOf(status: string): ComposeService['health'] {
  const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!match) return undefined;
  return match[1] === 'health: starting' ? 'starting' : (match[1] as 'healthy' | 'unhealthy');
}

function prefixLines(name: string, text: string): string {
  if (!text) return '';
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return lines.map((line) => `${name}  | ${line}\n`).join('');
}
