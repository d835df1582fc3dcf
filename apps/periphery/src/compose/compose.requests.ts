import { AGENT } from '@monitor/contracts/agent';
import { request, type RequestDefinition } from '../api/request-registry';
import type { DockerEngine } from '../docker/docker-engine';
import type { Log } from '../docker/docker-shapes';
import { runCommand } from './command-log';
import { downCommands, joinLogs, timeoutArgs } from './compose-args';
import { removeOrphans } from './compose-orphans';
import { ComposeOwnership, withStackLabels } from './compose-owner';
import { readComposeReach, type ComposeReach } from './compose-reach';
import { readStackFiles, writeStackFiles } from './compose-files';
import { directoryInStack } from './stack-paths';
import type { ComposeRunner } from './compose-runner';
import type { ComposeStatus } from './compose-status';
import {
  ComposeDownDto,
  ComposePullDto,
  ComposeServicesDto,
  ComposeStopDto,
  ComposeTargetDto,
  ComposeUpDto,
  GetComposeLogDto,
  SERVICE_NAME,
  RunStackCommandDto,
  SearchComposeLogDto,
  WriteComposeFilesDto,
} from './compose.dto';

/** The simple compose commands: `<command> [services...]`, one Log each. */
const LIFECYCLE = [
  [AGENT.ComposeStart, 'compose start', 'start'],
  [AGENT.ComposePause, 'compose pause', 'pause'],
  [AGENT.ComposeUnpause, 'compose unpause', 'unpause'],
] as const;

/** Those that stop containers, with compose's `--timeout` when one is given. */
const STOPPING = [
  [AGENT.ComposeStop, 'compose stop', 'stop'],
  [AGENT.ComposeRestart, 'compose restart', 'restart'],
] as const;

export interface ComposeServices {
  runner: ComposeRunner;
  status: ComposeStatus;
  engine: DockerEngine;
}

/**
 * What a Stack needs of the agent: its files on disk and compose run over them. Every compose
 * request about a project is refused (409) when the project's containers are not the stack's.
 */
export function composeRequests(services: ComposeServices): RequestDefinition[] {
  const { runner, status } = services;
  const owned = ownedBy(new ComposeOwnership(services.engine, runner));
  return [
    request(AGENT.WriteComposeFiles, WriteComposeFilesDto, (p) =>
      writeStackFiles(runner.directory(p.stack), p.files, p.env),
    ),
    request(AGENT.ReadComposeFiles, ComposeTargetDto, (p) =>
      readStackFiles(runner.runDirectory(p), p.files),
    ),
    // The user's own shell command (Komodo's pre_deploy / post_deploy): a shell on purpose.
    request(AGENT.RunStackCommand, RunStackCommandDto, (p) =>
      runCommand(p.stage, 'sh', ['-e', '-c', p.command], {
        cwd: directoryInStack(runner.directory(p.stack), p.path),
      }),
    ),
    request(
      AGENT.ComposeUp,
      ComposeUpDto,
      owned((p, owners) => up(services, owners, p)),
    ),
    request(
      AGENT.ComposeDown,
      ComposeDownDto,
      owned((p) => down(services, p)),
    ),
    ...LIFECYCLE.map(([entry, stage, command]) =>
      request(
        entry,
        ComposeServicesDto,
        owned((p) => runner.run(stage, p, [command, ...(p.services ?? [])])),
      ),
    ),
    ...STOPPING.map(([entry, stage, command]) =>
      request(
        entry,
        ComposeStopDto,
        owned((p) =>
          runner.run(stage, p, [command, ...timeoutArgs(p.timeout), ...(p.services ?? [])]),
        ),
      ),
    ),
    request(
      AGENT.ComposePull,
      ComposePullDto,
      owned((p) => runner.run('compose pull', p, ['pull', ...(p.services ?? [])])),
    ),
    request(
      AGENT.ComposePs,
      ComposeTargetDto,
      owned((p) => status.services(p.project)),
    ),
    request(
      AGENT.GetComposeLog,
      GetComposeLogDto,
      owned((p) => status.log(p.project, p.tail, p.services, p.timestamps)),
    ),
    request(
      AGENT.SearchComposeLog,
      SearchComposeLogDto,
      owned((p) => status.search(p.project, p, p.services)),
    ),
  ];
}

/** Checks first that the project is the stack's (a request naming no stack is the server's). */
function ownedBy(owners: ComposeOwnership) {
  return <P extends { project: string; stack?: string }, T>(
      handle: (p: P, owners: ComposeOwnership) => Promise<T>,
    ) =>
    async (p: P): Promise<T> => {
      if (p.stack) await owners.check(p.project, p.stack);
      return handle(p, owners);
    };
}

/** Stops at the first command that fails: nothing is removed that did not stop. */
async function down({ runner, status, engine }: ComposeServices, p: ComposeDownDto): Promise<Log> {
  const logs: Log[] = [];
  for (const args of downCommands(p)) {
    logs.push(await runner.run('compose down', p, args));
    if (!logs[logs.length - 1].success) return joinLogs('compose down', logs);
  }
  // `down` itself removes orphans; a down of some services leaves it to us.
  if (p.services?.length && p.remove_orphans) {
    logs.push(await removeOrphans(runner, status, engine, p));
  }
  return joinLogs('compose down', logs);
}

/**
 * `config` first: invalid compose text then fails with compose's own message in a Log of its
 * own, before anything is created or replaced. What it prints (interpolated, so it may hold
 * secrets) is read, never logged: the Log lists the services, which are labelled as the
 * stack's at the `up`, and a service reaching into another's container is refused. With
 * `run_build`, `compose build` runs before the `up`, which it stops when it fails.
 */
async function up(
  { runner }: ComposeServices,
  owners: ComposeOwnership,
  p: ComposeUpDto,
): Promise<{ logs: Log[]; success: boolean }> {
  const config = await runner.run('compose config', p, ['config']);
  if (!config.success) return { logs: [{ ...config, stdout: '' }], success: false };
  let reach: ComposeReach;
  try {
    reach = await readComposeReach(config.stdout);
  } catch (error) {
    const stderr = `compose config printed what is not YAML: ${(error as Error).message}`;
    return { logs: [{ ...config, stdout: '', stderr, success: false }], success: false };
  }
  const services = reach.services.filter((service) => SERVICE_NAME.test(service));
  const problem = await owners.reachProblem(reach, p.stack);
  const checked = { ...config, stdout: services.map((s) => `${s}\n`).join('') };
  if (problem) {
    return { logs: [{ ...checked, stderr: problem, success: false }], success: false };
  }
  const logs = [checked];
  if (p.run_build) {
    const build = await runner.run('Compose Build', p, [
      'build',
      ...(p.build_extra_args ?? []),
      ...(p.services ?? []),
    ]);
    if (!build.success) return { logs: [checked, build], success: false };
    logs.push(build);
  }
  const args = [
    'up',
    '-d',
    ...timeoutArgs(p.timeout),
    ...(p.extra_args ?? []),
    ...(p.services ?? []),
  ];
  const upped = await withStackLabels(services, p.stack, (labels) =>
    runner.run('compose up', p, args, [labels]),
  );
  return { logs: [...logs, upped], success: upped.success };
}
