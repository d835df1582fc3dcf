import type { ProcessLogger } from '@monitor/process';
import { healthRequests } from './api/health.requests';
import { RequestRegistry } from './api/request-registry';
import { AgentPasskeys } from './auth/agent-passkeys';
import { passkeyRequests } from './auth/passkey.requests';
import { buildRequests } from './build/build.requests';
import { passToCommands } from './compose/command-env';
import { ComposeRunner } from './compose/compose-runner';
import { ComposeStatus } from './compose/compose-status';
import { composeRequests } from './compose/compose.requests';
import { RunningWork } from './compose/running-work';
import type { PeripheryConfig } from './config';
import { ContainerLifecycleService } from './docker/container-lifecycle.service';
import { ContainerLogsService } from './docker/container-logs.service';
import { ContainerStatsService } from './docker/container-stats.service';
import { containerRequests } from './docker/container.requests';
import { DeployService } from './docker/deploy.service';
import { DockerEngine } from './docker/docker-engine';
import { DockerListsService } from './docker/docker-lists.service';
import { DockerClient } from './docker/engine/docker-client';
import { dockerRequests } from './docker/docker.requests';
import { ImagePullService } from './docker/image-pull.service';
import { ImageUpdateService } from './docker/image-update.service';
import { PruneService } from './docker/prune.service';
import { gitRequests } from './git/git.requests';
import { GitService } from './git/git.service';
import { RepoFolders } from './git/repo-folder';
import { StatsSampler } from './system/stats-sampler';
import { systemRequests } from './system/system.requests';

/** The agent's parts, wired: what the HTTP server routes to, and what runs in the background. */
export interface PeripheryServices {
  registry: RequestRegistry;
  /** Samples the host until `stop`. */
  sampler: StatsSampler;
}

/**
 * The agent's one composition root: each service built once, by hand, and every request of
 * the agent's catalogue registered. No DI container: the agent is small and loads only this.
 */
export function createPeripheryServices(
  config: PeripheryConfig,
  logger: ProcessLogger,
  passkeys: AgentPasskeys = AgentPasskeys.load(config),
): PeripheryServices {
  passToCommands(config.command_env);
  const engine = new DockerEngine(new DockerClient({ socketPath: config.docker_socket }), config);
  const sampler = new StatsSampler(config, logger);
  const runner = new ComposeRunner(config);
  const status = new ComposeStatus(engine);
  const registry = new RequestRegistry();
  const running = new RunningWork();
  registry.add(
    ...healthRequests(),
    ...passkeyRequests(passkeys, logger),
    ...systemRequests(sampler),
    ...dockerRequests({
      lists: new DockerListsService(engine),
      logs: new ContainerLogsService(engine),
      pruner: new PruneService(engine),
    }),
    ...containerRequests({
      pulls: new ImagePullService(engine, config),
      deployer: new DeployService(engine),
      lifecycle: new ContainerLifecycleService(engine),
      statistics: new ContainerStatsService(engine),
      updates: new ImageUpdateService(engine),
    }),
    ...composeRequests({ runner, status, engine }),
    ...gitRequests(new GitService(config), new RepoFolders(config, running), running),
    ...buildRequests(config, engine.docker, running),
  );
  return { registry, sampler };
}
