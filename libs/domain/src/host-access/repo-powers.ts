import type { RepoConfig } from '../repo/repo.config';
import type { HostPower } from './host-powers';

/** What a Repo's config asks of its server: `on_clone` and `on_pull` run on the host itself. */
export function repoPowers(config: Partial<Pick<RepoConfig, 'on_clone' | 'on_pull'>>): HostPower[] {
  const powers: HostPower[] = [];
  for (const field of ['on_clone', 'on_pull'] as const) {
    const text = config[field]?.command?.trim();
    if (text) powers.push({ power: 'host_commands', field, detail: `runs '${text}' on the host` });
  }
  return powers;
}
