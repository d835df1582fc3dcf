import type { StackConfig } from '../stack/stack.config';
import { composePowers } from './compose-powers';
import type { HostPower } from './host-powers';

type Config = Partial<
  Pick<
    StackConfig,
    | 'pre_deploy'
    | 'post_deploy'
    | 'compose_cmd_wrapper'
    | 'files_on_host'
    | 'repo'
    | 'linked_repo'
    | 'file_contents'
  >
>;

/**
 * What a Stack's config asks of its host when it is written: its commands, which run on the
 * host itself, and a compose file written in the UI. Compose files from git or from the host
 * are read when a deploy has put them in place (`stackDeployPowers`).
 */
export function stackPowers(config: Config): HostPower[] {
  const fromUi = !config.files_on_host && !config.repo?.trim() && !config.linked_repo?.trim();
  return [...commandPowers(config), ...(fromUi ? composePowers(config.file_contents ?? '') : [])];
}

/** What a deploy asks of the host: the commands, and each compose file as it will run. */
export function stackDeployPowers(
  config: Config,
  composeFiles: readonly { path: string; contents: string }[],
): HostPower[] {
  return [
    ...commandPowers(config),
    ...composeFiles.flatMap((file) => composePowers(file.contents, file.path)),
  ];
}

function commandPowers(config: Config): HostPower[] {
  const powers: HostPower[] = [];
  for (const field of ['pre_deploy', 'post_deploy'] as const) {
    const text = config[field]?.command?.trim();
    if (text) powers.push({ power: 'host_commands', field, detail: `runs '${text}' on the host` });
  }
  const wrapper = config.compose_cmd_wrapper?.trim();
  if (wrapper) {
    const detail = `runs compose through '${wrapper}' on the host`;
    powers.push({ power: 'host_commands', field: 'compose_cmd_wrapper', detail });
  }
  return powers;
}
