import { Injectable, type OnModuleInit } from '@nestjs/common';
import { request, RequestRegistry } from '../api/request-registry';
import type { Log } from '../docker/docker-shapes';
import { runCommand } from './command-log';
import { readStackFiles, writeStackFiles } from './compose-files';
import { directoryInStack } from './stack-paths';
import { ComposeRunner } from './compose-runner';
import { ComposeStatus } from './compose-status';
import {
  ComposeDownDto,
  ComposePullDto,
  ComposeServicesDto,
  ComposeTargetDto,
  ComposeUpDto,
  GetComposeLogDto,
  RunStackCommandDto,
  SearchComposeLogDto,
  WriteComposeFilesDto,
} from './compose.dto';

/** The simple compose commands: `<command> [services...]`, one Log each. */
const LIFECYCLE = [
  ['ComposeStart', 'compose start', 'start'],
  ['ComposeStop', 'compose stop', 'stop'],
  ['ComposeRestart', 'compose restart', 'restart'],
  ['ComposePause', 'compose pause', 'pause'],
  ['ComposeUnpause', 'compose unpause', 'unpause'],
] as const;

/** What a Stack needs of the agent: its files on disk and compose run over them. */
@Injectable()
export class ComposeRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly runner: ComposeRunner,
    private readonly status: ComposeStatus,
  ) {}

  onModuleInit(): void {
    this.registry.add(
      request({
        name: 'WriteComposeFiles',
        dto: WriteComposeFilesDto,
        handle: (p) => writeStackFiles(this.runner.directory(p.stack), p.files, p.env),
      }),
      request({
        name: 'ReadComposeFiles',
        dto: ComposeTargetDto,
        handle: (p) => readStackFiles(this.runner.runDirectory(p), p.files),
      }),
      request({
        name: 'RunStackCommand',
        dto: RunStackCommandDto,
        // The user's own shell command (Komodo's pre_deploy / post_deploy): a shell on purpose.
        handle: (p) =>
          runCommand(p.stage, 'sh', ['-e', '-c', p.command], {
            cwd: directoryInStack(this.runner.directory(p.stack), p.path),
          }),
      }),
      request({ name: 'ComposeUp', dto: ComposeUpDto, handle: (p) => this.up(p) }),
      request({
        name: 'ComposeDown',
        dto: ComposeDownDto,
        handle: (p) =>
          this.runner.run('compose down', p, ['down', ...(p.remove_volumes ? ['--volumes'] : [])]),
      }),
      ...LIFECYCLE.map(([name, stage, command]) =>
        request({
          name,
          dto: ComposeServicesDto,
          handle: (p) => this.runner.run(stage, p, [command, ...(p.services ?? [])]),
        }),
      ),
      request({
        name: 'ComposePull',
        dto: ComposePullDto,
        handle: (p) => this.runner.run('compose pull', p, ['pull', ...(p.services ?? [])]),
      }),
      request({
        name: 'ComposePs',
        dto: ComposeTargetDto,
        handle: (p) => this.status.services(p.project),
      }),
      request({
        name: 'GetComposeLog',
        dto: GetComposeLogDto,
        handle: (p) => this.status.log(p.project, p.tail, p.services),
      }),
      request({
        name: 'SearchComposeLog',
        dto: SearchComposeLogDto,
        handle: (p) => this.status.search(p.project, p, p.services),
      }),
    );
  }

  /**
   * `config -q` first: invalid compose text then fails with compose's own message in a Log of
   * its own, before anything is created or replaced.
   */
  private async up(p: ComposeUpDto): Promise<{ logs: Log[]; success: boolean }> {
    const config = await this.runner.run('compose config', p, ['config', '-q']);
    if (!config.success) return { logs: [config], success: false };
    const args = ['up', '-d', ...(p.extra_args ?? []), ...(p.services ?? [])];
    const up = await this.runner.run('compose up', p, args);
    return { logs: [config, up], success: up.success };
  }
}
