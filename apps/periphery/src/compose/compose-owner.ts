import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { DEPLOYMENT_LABEL, STACK_LABEL } from '@monitor/domain/agent';
import { PeripheryError } from '../api/periphery-error';
import { ownerProblem } from '../docker/container-owner';
import { DockerEngine } from '../docker/docker-engine';
import type { ComposeReach } from './compose-reach';
import { ComposeRunner } from './compose-runner';

const PROJECT_LABEL = 'com.docker.compose.project';
const WORKING_DIR_LABEL = 'com.docker.compose.project.working_dir';

/**
 * A compose project is a stack's when every container compose made for it carries the stack's
 * `monitor.stack` label (set through `labelsFile` at each `up`). Compose commands on a project
 * that holds another stack's, a Deployment's or a hand-made container are refused (409), so a
 * stack naming someone else's project can neither replace nor take it down, nor read its logs.
 */
export class ComposeOwnership {
  constructor(
    private readonly engine: DockerEngine,
    private readonly runner: ComposeRunner,
  ) {}

  async check(project: string, stack: string): Promise<void> {
    const directory = this.runner.directory(stack);
    const containers = await this.engine.call((docker) =>
      docker.containers.list({ all: true, filters: { label: [`${PROJECT_LABEL}=${project}`] } }),
    );
    for (const container of containers) {
      const labels = container.Labels ?? {};
      if (madeForStackBeforeLabels(labels, directory)) continue;
      const name = (container.Names?.[0] ?? container.Id).replace(/^\//, '');
      const problem = monitorMade(labels)
        ? ownerProblem(name, labels, { kind: 'Stack', id: stack })
        : `container '${name}' has no Monitor label (${STACK_LABEL}): Monitor did not make this project for this stack, and does not touch it`;
      if (problem) throw new PeripheryError('CONFLICT', `compose project '${project}': ${problem}`);
    }
  }

  /**
   * Why the project may not be brought up as configured: a service setting compose's or
   * Monitor's labels, or joining (namespaces, `volumes_from`) a container that is not this
   * stack's own. Undefined when all is well.
   */
  async reachProblem(reach: ComposeReach, stack: string): Promise<string | undefined> {
    const problems = reach.reservedLabels.map(
      ({ service, key }) =>
        `service ${service}: the label '${key}' is reserved (compose's and Monitor's labels are set by them)`,
    );
    for (const { service, key, container } of reach.joins) {
      const labels = await this.engine
        .call((docker) => docker.container(container).inspect())
        .then((info) => (info.Name === `/${container}` ? info.Config?.Labels : null))
        .catch(() => null);
      const problem =
        labels === null
          ? `container '${container}' is not on this host`
          : ownerProblem(container, labels, { kind: 'Stack', id: stack });
      if (problem) {
        problems.push(
          `service ${service}: ${key} container:${container} joins only this stack's own containers; ${problem}`,
        );
      }
    }
    return problems.length ? problems.join('\n') : undefined;
  }
}

function monitorMade(labels: Record<string, string>): boolean {
  return Boolean(labels[STACK_LABEL] || labels[DEPLOYMENT_LABEL]);
}

/**
 * Stacks deployed before their containers were labelled: no Monitor label, and compose ran in
 * this stack's own directory (named by its id), which only this stack's requests reach.
 */
function madeForStackBeforeLabels(labels: Record<string, string>, directory: string): boolean {
  if (monitorMade(labels)) return false;
  const workingDir = labels[WORKING_DIR_LABEL];
  if (!workingDir) return false;
  const inside = relative(directory, workingDir);
  return !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * Runs `work` with a compose file, given last with `-f`, that labels every service's containers
 * with the stack's id. It lives outside the stack's directory, in a folder only the agent reads,
 * and is removed afterwards. JSON is YAML, and compose 1.29 and v2 both merge its labels.
 */
export async function withStackLabels<T>(
  services: string[],
  stack: string,
  work: (file: string) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'monitor-stack-labels-'));
  const file = join(folder, 'monitor-labels.yaml');
  const labelled = services.map((service) => [service, { labels: { [STACK_LABEL]: stack } }]);
  await writeFile(file, JSON.stringify({ services: Object.fromEntries(labelled) }), {
    mode: 0o600,
  });
  try {
    return await work(file);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
