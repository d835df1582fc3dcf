import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AGENT } from '@monitor/contracts';
import { request, RequestRegistry } from '../api/request-registry';
import { DockerEngine } from '../docker/docker-engine';
import type { Log } from '../docker/docker-shapes';
import { runCommand } from './command-log';
import { downCommands, joinLogs, timeoutArgs } from './compose-args';
import { removeOrphans } from './compose-orphans';
import { ComposeOwnership, withStackLabels } from './compose-owner';
import { readComposeReach, type ComposeReach } from './compose-reach';
import { readStackFiles, writeStackFiles } from './compose-files';
import { directoryInStack } from './stack-paths';
import { ComposeRunner } from './compose-runner';
import { ComposeStatus } from './compose-status';
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

/**
 * What a Stack needs of the agent: its files on disk and compose run over them. Every compose
 * request about a project is refused (409) when the project's containers are not the stack's.
 */
@Injectable()
export class ComposeRequests implements OnModuleInit {
  private readonly owners: ComposeOwnership;

  constructor(
    private readonly registry: RequestRegistry,
    private readonly runner: ComposeRunner,
    private readonly status: ComposeStatus,
    private readonly engine: DockerEngine,
  ) {
    this.owners = new ComposeOwnership(engine, runner);
  }

  onModuleInit(): void {
    this.registry.add(
      request(AGENT.WriteComposeFiles, WriteComposeFilesDto, (p) =>
        writeStackFiles(this.runner.directory(p.stack), p.files, p.env),
      ),
      request(AGENT.ReadComposeFiles, ComposeTargetDto, (p) =>
        readStackFiles(this.runner.runDirectory(p), p.files),
      ),
      // The user's own shell command (Komodo's pre_deploy / post_deploy): a shell on purpose.
      request(AGENT.RunStackCommand, RunStackCommandDto, (p) =>
        runCommand(p.stage, 'sh', ['-e', '-c', p.command], {
          cwd: directoryInStack(this.runner.directory(p.stack), p.path),
        }),
      ),
      request(
        AGENT.ComposeUp,
        ComposeUpDto,
        this.owned((p) => this.up(p)),
      ),
      request(
        AGENT.ComposeDown,
        ComposeDownDto,
        this.owned((p) => this.down(p)),
      ),
      ...LIFECYCLE.map(([entry, stage, command]) =>
        request(
          entry,
          ComposeServicesDto,
          this.owned((p) => this.runner.run(stage, p, [command, ...(p.services ?? [])])),
        ),
      ),
      ...STOPPING.map(([entry, stage, command]) =>
        request(
          entry,
          ComposeStopDto,
          this.owned((p) =>
            this.runner.run(stage, p, [command, ...timeoutArgs(p.timeout), ...(p.services ?? [])]),
          ),
        ),
      ),
      request(
        AGENT.ComposePull,
        ComposePullDto,
        this.owned((p) => this.runner.run('compose pull', p, ['pull', ...(p.services ?? [])])),
      ),
      request(
        AGENT.ComposePs,
        ComposeTargetDto,
        this.owned((p) => this.status.services(p.project)),
      ),
      request(
        AGENT.GetComposeLog,
        GetComposeLogDto,
        this.owned((p) => this.status.log(p.project, p.tail, p.services, p.timestamps)),
      ),
      request(
        AGENT.SearchComposeLog,
        SearchComposeLogDto,
        this.owned((p) => this.status.search(p.project, p, p.services)),
      ),
    );
  }

  /** Checks first that the project is the stack's (a request naming no stack is the server's). */
  private owned<P extends { project: string; stack?: string }, T>(
    handle: (p: P) => Promise<T>,
  ): (p: P) => Promise<T> {
    return async (p) => {
      if (p.stack) await this.owners.check(p.project, p.stack);
      return handle(p);
    };
  }

  /** Stops at the first command that fails: nothing is removed that did not stop. */
  private async down(p: ComposeDownDto): Promise<Log> {
    const logs: Log[] = [];
    for (const args of downCommands(p)) {
      logs.push(await this.runner.run('compose down', p, args));
      if (!logs[logs.length - 1].success) return joinLogs('compose down', logs);
    }
    // `down` itself removes orphans; a down of some services leaves it to us.
    if (p.services?.length && p.remove_orphans) {
      logs.push(await removeOrphans(this.runner, this.status, this.engine, p));
    }
    return joinLogs('compose down', logs);
  }

  /**
   * `config` first: invalid compose text then fails with compose's own message in a Log of its
   * own, before anything is created or replaced. What it prints (interpolated, so it may hold
   * secrets) is read, never logged: the Log lists the services, which are labelled as the
   * stack's at the `up`, and a service reaching into another's container is refused.
   */
  private async up(p: ComposeUpDto): Promise<{ logs: Log[]; success: boolean }> {
    const config = await this.runner.run('compose config', p, ['config']);
    if (!config.success) return { logs: [{ ...config, stdout: '' }], success: false };
    let reach: ComposeReach;
    try {
      reach = readComposeReach(config.stdout);
    } catch (error) {
      const stderr = `compose config printed what is not YAML: ${(error as Error).message}`;
      return { logs: [{ ...config, stdout: '', stderr, success: false }], success: false };
    }
    const services = reach.services.filter((service) => SERVICE_NAME.test(service));
    const problem = await this.owners.reachProblem(reach, p.stack);
    const checked = { ...config, stdout: services.map((s) => `${s}\n`).join('') };
    if (problem) {
      return { logs: [{ ...checked, stderr: problem, success: false }], success: false };
    }
    const args = [
      'up',
      '-d',
      ...timeoutArgs(p.timeout),
      ...(p.extra_args ?? []),
      ...(p.services ?? []),
    ];
    const up = await withStackLabels(services, p.stack, (labels) =>
      this.runner.run('compose up', p, args, [labels]),
    );
    return { logs: [checked, up], success: up.success };
  }
}
