import type { BuildConfig } from '../build/build.config';
import { collectBuildExtraArgs } from '../build/build-extra-args';
import type { HostPower } from './host-powers';

type Config = Partial<Pick<BuildConfig, 'pre_build' | 'extra_args' | 'files_on_host'>>;

/**
 * What a Build's config asks of its builder's host: the pre-build command runs on the host
 * itself, `files_on_host` builds (and pushes) files read from the host, and `--network host`
 * puts every build step in the host's network.
 */
export function buildPowers(config: Config): HostPower[] {
  const powers: HostPower[] = [];
  const command = config.pre_build?.command?.trim();
  if (command)
    powers.push({
      power: 'host_commands',
      field: 'pre_build',
      detail: `runs '${command}' on the host`,
    });
  if (config.files_on_host)
    powers.push({
      power: 'host_files',
      field: 'files_on_host',
      detail: "builds the files in the build's folder on the host",
    });
  const { value } = collectBuildExtraArgs(config.extra_args ?? []);
  if (value.networkmode === 'host')
    powers.push({
      power: 'host_namespaces',
      field: 'extra_args',
      detail: "builds in the host's network",
    });
  return powers;
}
