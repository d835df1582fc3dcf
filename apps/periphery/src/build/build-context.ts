import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { directoryInStack, fileInStack } from '../compose/stack-paths';
import type { Log } from '../docker/docker-shapes';
import { dockerignore, hasExceptions } from './dockerignore';

/** Where a build reads its files, each path checked to stay inside the checkout (links too). */
export interface BuildPlace {
  /** The build context: the checkout's `build_path`. */
  context: string;
  /** The Dockerfile, relative to the context, as `/build` takes it. */
  dockerfile: string;
  dockerfilePath: string;
}

export function buildPlace(
  rootDirectory: string,
  directory: string,
  buildPath?: string,
  dockerfilePath?: string,
): BuildPlace {
  const checkout = fileInStack(join(resolve(rootDirectory), 'repos'), directory);
  const context = directoryInStack(checkout, buildPath === '.' ? '' : buildPath);
  const dockerfile = dockerfilePath && dockerfilePath !== '.' ? dockerfilePath : 'Dockerfile';
  return { context, dockerfile, dockerfilePath: fileInStack(context, dockerfile) };
}

/** Komodo's UI-defined Dockerfile, written where the build reads it (readable by the owner). */
export async function writeDockerfile(place: BuildPlace, contents: string): Promise<Log> {
  const start_ts = Date.now();
  const base = { stage: 'Write Dockerfile', command: `write ${place.dockerfilePath}`, start_ts };
  try {
    await mkdir(dirname(place.dockerfilePath), { recursive: true });
    await writeFile(place.dockerfilePath, contents, { mode: 0o600 });
    const stdout = `Dockerfile contents written to ${place.dockerfilePath}`;
    return { ...base, stdout, stderr: '', success: true, end_ts: Date.now() };
  } catch (error) {
    const stderr = `cannot write ${place.dockerfilePath}: ${(error as Error).message}`;
    return { ...base, stdout: '', stderr, success: false, end_ts: Date.now() };
  }
}

/**
 * The context as the tar `/build` takes, made by GNU tar as it reads the folder: links are kept
 * as links, never followed out of the checkout. What `.dockerignore` leaves out is not sent (the
 * Dockerfile and `.dockerignore` always are, as the CLI sends them). `failure` answers tar's
 * complaint, if any, once the tar has been read.
 */
export async function contextTar(
  context: string,
  dockerfile: string,
): Promise<{ tar: Readable; failure: () => Promise<string | undefined> }> {
  const ignore = await readFile(join(context, '.dockerignore'), 'utf8').catch(() => undefined);
  const files = ignore === undefined ? undefined : await keptFiles(context, ignore, dockerfile);
  const args = files ? ['--null', '--no-recursion', '--files-from=-'] : ['.'];
  const child = spawn('tar', ['--create', '--file=-', `--directory=${context}`, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // tar may be done (or dead) before it reads the list: its exit code says what went wrong, and an
  // unhandled EPIPE on the pipe would take the agent down.
  child.stdin.on('error', () => undefined);
  child.stdin.end(files?.map((file) => `${file}\0`).join('') ?? '');
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<string | undefined>((done) => {
    child.on('error', (error) => done(`cannot run tar: ${error.message}`));
    child.on('close', (code) =>
      done(code === 0 ? undefined : `tar failed (${code}): ${stderr.trim()}`),
    );
  });
  return { tar: child.stdout, failure: () => exited };
}

/** Every path of the context `.dockerignore` keeps, folders included, links not followed. */
async function keptFiles(context: string, ignore: string, dockerfile: string): Promise<string[]> {
  const ignored = dockerignore(ignore);
  const lookInside = hasExceptions(ignore);
  const always = new Set([posix.normalize(dockerfile), '.dockerignore']);
  const kept: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(join(context, folder), { withFileTypes: true })) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      const skip = ignored(path) && !always.has(path);
      if (!skip) kept.push(path);
      if (entry.isDirectory() && (!skip || lookInside)) await walk(path);
    }
  };
  await walk('');
  return kept;
}
