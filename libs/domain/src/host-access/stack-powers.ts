import type { StackConfig } from '../resources/configs/stack.config';
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
 * What a Stack's config asks of its host. Commands run on the host itself. Compose files from
 * git or from the host are not read before the deploy that uses them, so what they ask cannot
 * be known when the config is written: such a stack counts as asking for anything.
 */
export function stackPowers(config: Config): HostPower[] {
  const powers: HostPower[] = [];
  const command = (field: 'pre_deploy' | 'post_deploy') => {
    const text = config[field]?.command?.trim();
    if (text) powers.push({ power: 'host_commands', field, detail: `runs '${text}' on the host` });
  };
  command('pre_deploy');
  command('post_deploy');
  if (config.compose_cmd_wrapper?.trim()) {
    const detail = `runs compose through '${config.compose_cmd_wrapper.trim()}' on the host`;
    powers.push({ power: 'host_commands', field: 'compose_cmd_wrapper', detail });
  }
  if (config.files_on_host) {
    powers.push({
      power: 'unchecked_compose',
      field: 'files_on_host',
      detail: 'compose files already on the host are not read before they are deployed',
    });
  } else if (config.repo?.trim() || config.linked_repo?.trim()) {
    powers.push({
      power: 'unchecked_compose',
      field: config.linked_repo?.trim() ? 'linked_repo' : 'repo',
      detail: 'compose files from git are not read before they are deployed',
    });
  } else {
    powers.push(...composePowers(config.file_contents ?? ''));
  }
  return powers;
}
