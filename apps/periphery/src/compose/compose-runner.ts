import { execFile } from 'node:child_process';
import type { PeripheryConfig } from '../config';
import type { Log } from '../docker/docker-shapes';
import { PeripheryError } from '../api/periphery-error';
import { runCommand } from './command-log';
import { envFileForCompose, type EnvFileForCompose } from './merged-env-file';
import { withRegistryLogin, type RegistryLogin } from './registry-login';
import type { ComposeCommandChoice, ComposeTargetDto } from './compose.dto';
import { directoryInStack, fileInStack, stackDirectory } from './stack-paths';

/** The program and its leading arguments: `docker compose` (v2) or `docker-compose` (v1). */
type Program = [file: string, ...prefix: string[]];

const V2: Program = ['docker', 'compose'];
const V1: Program = ['docker-compose'];

/**
 * Runs compose for a stack: always an argument array, `-p` project, one `-f` per file,
 * `--env-file` when given, in the stack's run directory, so relative paths inside the compose
 * files mean what the user wrote.
 */
export class ComposeRunner {
  private probe?: Promise<Program>;

  constructor(private readonly config: PeripheryConfig) {}

  directory(stack: string): string {
    return stackDirectory(this.config.root_directory, stack);
  }

  /** Where compose runs for `target`: its run directory inside the stack's directory. */
  runDirectory(target: ComposeTargetDto): string {
    return directoryInStack(this.directory(target.stack), target.run_directory);
  }

  /**
   * With `registry`, compose pulls as that account (see withRegistryLogin). `agentFiles` are
   * compose files of the agent's own (absolute paths), given after the stack's.
   */
  async run(
    stage: string,
    target: ComposeTargetDto & { registry?: RegistryLogin },
    args: string[],
    agentFiles: string[] = [],
  ): Promise<Log> {
    const cwd = this.runDirectory(target);
    // Checked again here (the params schema did too): these paths reach the file system.
    const files = [
      ...target.files.flatMap((file) => ['-f', fileInStack(cwd, file)]),
      ...agentFiles.flatMap((file) => ['-f', file]),
    ];
    const [file, ...prefix] = await this.program(
      target.compose_command ?? this.config.compose_command,
    );
    const { registry, wrapper } = target;
    const command = (envFile: string | undefined) => [
      ...prefix,
      '-p',
      target.project,
      ...files,
      ...(envFile ? ['--env-file', envFile] : []),
      ...args,
    ];
    const wrapped = wrapper && (target.wrap?.length ? target.wrap : ['up']).includes(args[0]);
    const run = (argv: string[]) => {
      const [program, programArgs] = wrapped
        ? ['sh', ['-c', wrapper.split('[[COMPOSE_COMMAND]]').join(shellWords([file, ...argv]))]]
        : [file, argv];
      return withRegistryLogin(registry, (env) =>
        runCommand(stage, program, programArgs, {
          cwd,
          env,
          secrets: registry ? [registry.token] : [],
          // `config` prints the files interpolated (secrets too): read, never streamed.
          live: args[0] !== 'config',
        }),
      );
    };
    const start_ts = Date.now();
    let envFile: EnvFileForCompose;
    try {
      envFile = await envFileForCompose(cwd, target.env_file, target.env_files ?? []);
    } catch (error) {
      if (!(error instanceof PeripheryError)) throw error;
      // A missing env file fails this stage as compose would, with a message to act on.
      const env_files = [target.env_file, ...(target.env_files ?? [])].filter(Boolean);
      return {
        stage,
        command: `merge env files ${env_files.join(' ')}`,
        stdout: '',
        stderr: error.message,
        success: false,
        start_ts,
        end_ts: Date.now(),
      };
    }
    try {
      return await run(command(envFile.path));
    } finally {
      await envFile.remove();
    }
  }

  /** v2 when `docker compose version` works (asked once per agent), else v1. */
  private program(choice: ComposeCommandChoice): Promise<Program> {
    if (choice === 'docker compose') return Promise.resolve(V2);
    if (choice === 'docker-compose') return Promise.resolve(V1);
    this.probe ??= new Promise((resolve) => {
      execFile('docker', ['compose', 'version'], { timeout: 10_000 }, (error) =>
        resolve(error ? V1 : V2),
      );
    });
    return this.probe;
  }
}

/**
 * The compose command as words a shell reads back as the same argv: plain words bare, others in
 * double quotes, which also survive a wrapper that puts the command in single quotes for a tool
 * that runs it with a shell of its own (`sops exec-file … '[[COMPOSE_COMMAND]]'`).
 */
export function shellWords(argv: string[]): string {
  return argv
    .map((word) =>
      /^[a-zA-Z0-9_./:=@%+-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`,
    )
    .join(' ');
}
