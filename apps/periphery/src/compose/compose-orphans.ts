import type { DockerEngine } from '../docker/docker-engine';
import type { Log } from '../docker/docker-shapes';
import { gracefulStop } from '../docker/graceful-stop';
import { runStage } from '../docker/stage-log';
import type { ComposeRunner } from './compose-runner';
import type { ComposeStatus } from './compose-status';
import type { ComposeDownDto } from './compose.dto';

/**
 * The project's containers of services no longer in its compose files (compose's orphans),
 * stopped within `timeout` and removed, as `down --remove-orphans` does: for a down of some
 * services, which docker-compose 1.x runs as `stop` and `rm`, neither of which knows orphans.
 * Which services the files hold is compose's own answer (`config --services`).
 */
export async function removeOrphans(
  runner: ComposeRunner,
  status: ComposeStatus,
  engine: DockerEngine,
  p: ComposeDownDto,
): Promise<Log> {
  const config = await runner.run('compose down', p, ['config', '--services']);
  if (!config.success) return config;
  const known = new Set(config.stdout.split('\n').filter(Boolean));
  const orphans = (await status.services(p.project)).filter((s) => !known.has(s.service));
  const command = `remove orphans of ${p.project}: ${orphans.map((o) => o.service).join(' ') || 'none'}`;
  const { log } = await runStage('compose down', command, async () => {
    const done: string[] = [];
    for (const orphan of orphans) {
      const { container_id: id, container_name: name } = orphan;
      done.push(
        await engine.withContainer(id, async (container) => {
          const stopped = await gracefulStop(container, name, { timeSeconds: p.timeout });
          await container.remove({ v: Boolean(p.remove_volumes) });
          return `${stopped.trimEnd()}\nremoved ${name}\n`;
        }),
      );
    }
    return done.join('') || 'no orphans\n';
  });
  return log;
}
