import type { PullImageAnswer, RegistryAuth } from '@monitor/contracts/agent';
import { PeripheryError } from '../api/periphery-error';
import type { PeripheryConfig } from '../config';
import { DockerEngine } from './docker-engine';
import { engineDetail, engineError, engineStatus } from './docker-errors';
import { normalizeRegistry, registryOfImage } from '@monitor/domain/agent';
import { readJsonLines } from './engine/json-lines';
import { liveLines } from '../api/output-lines';
import { progressLine, summarizePull, type ProgressEvent } from './pull-progress';

/**
 * PullImage. A failed pull is an answer, not an error: when an older copy of the image is on the
 * host the core may deploy it anyway, so the answer says whether there is one. The registry token
 * goes to the engine in the X-Registry-Auth header only; every text the agent answers passes
 * through `redact` in case a registry or the engine ever echoes it.
 */
export class ImagePullService {
  constructor(
    private readonly engine: DockerEngine,
    private readonly config: PeripheryConfig,
  ) {}

  async pull(image: string, registry?: RegistryAuth): Promise<PullImageAnswer> {
    const start_ts = Date.now();
    const notes = registry ? [this.checkRegistry(image, registry)] : [];
    const secrets = registry ? [registry.token] : [];
    const answer = (fields: {
      stdout: string;
      stderr: string;
      success: boolean;
      local: boolean;
    }) => ({
      stage: 'pull image',
      command: `docker pull ${image}`,
      stdout: redact(fields.stdout, secrets),
      stderr: redact(fields.stderr, secrets),
      success: fields.success,
      start_ts,
      end_ts: Date.now(),
      local_image_available: fields.local,
    });
    let failure: string;
    try {
      const auth = registry
        ? { username: registry.username, password: registry.token, serveraddress: registry.domain }
        : undefined;
      const stream = await this.engine.docker.images.pull(image, auth);
      const outcome = summarizePull(await readJsonLines(stream, this.showProgress(notes, secrets)));
      const stdout = [...notes, ...outcome.lines].join('\n') + '\n';
      if (outcome.error === undefined) {
        return answer({ stdout, stderr: '', success: true, local: true });
      }
      failure = outcome.error;
    } catch (error) {
      const problem = engineError(error, { socket: this.config.docker_socket });
      if (problem.code === 'DOCKER_UNAVAILABLE') throw problem;
      failure = engineDetail(error);
    }
    if (await this.isLocal(image)) {
      return answer({
        stdout: `${[...notes, `'${image}' is on this host already: that copy will be used`].join('\n')}\n`,
        stderr: `pulling '${image}' failed: ${failure}`,
        success: false,
        local: true,
      });
    }
    return answer({
      stdout: notes.length ? `${notes.join('\n')}\n` : '',
      stderr: `image '${image}' not found locally and the pull failed: ${failure}`,
      success: false,
      local: false,
    });
  }

  /** For a caller that asked for a stream: the pull's lines as `docker pull` prints them. */
  private showProgress(notes: string[], secrets: string[]) {
    const live = liveLines('pull image', 'stdout', (text) => redact(text, secrets));
    if (!live) return undefined;
    for (const note of notes) live.write(`${note}\n`);
    let last: string | undefined;
    return (event: ProgressEvent) => {
      const line = progressLine(event);
      if (line === undefined || line === last) return;
      last = line;
      live.write(`${line}\n`);
    };
  }

  /**
   * The engine sends the account to whatever registry the image names: an account meant for one
   * registry must not reach another (a typo'd image could hand the token to a stranger).
   */
  private checkRegistry(image: string, registry: RegistryAuth): string {
    const imageRegistry = registryOfImage(image);
    if (normalizeRegistry(registry.domain) !== imageRegistry) {
      throw new PeripheryError(
        'VALIDATION',
        `registry.domain: the account is for ${JSON.stringify(registry.domain)} but '${image}' ` +
          `is pulled from ${imageRegistry}; the token is only sent to its own registry`,
      );
    }
    return `pulling as ${registry.username} at ${imageRegistry}`;
  }

  private async isLocal(image: string): Promise<boolean> {
    try {
      await this.engine.docker.images.inspect(image);
      return true;
    } catch (error) {
      if (engineStatus(error) === 404) return false;
      throw engineError(error, { socket: this.config.docker_socket });
    }
  }
}

/** Every occurrence of a secret replaced; secrets shorter than 4 characters would garble text. */
export function redact(text: string, secrets: string[]): string {
  return secrets
    .filter((secret) => secret.length >= 4)
    .reduce((out, secret) => out.split(secret).join('<redacted>'), text);
}
