import { collectSecretArgs } from '@monitor/domain';
import { ImageRegistryConfigDto, SystemCommandDto, VersionDto } from './common.dto';
import { KomodoAliases } from './hints';
import { Path } from './relative-path';
import { Bool, Nested, NestedList, rule, Str, Strs } from './rules';
import { GitBranch, GitCommit, GitProvider, GitRepo } from './runtime-fields';

/**
 * Checked here, before the value is sealed (a secret field reaches the domain's rules encrypted):
 * each line a BuildKit secret id and its value; a `[[VARIABLE]]` is judged by what surrounds it.
 */
const SecretArgs = () =>
  Str(
    undefined,
    rule('secretArgs', (value) => {
      if (typeof value !== 'string') return undefined;
      const { errors } = collectSecretArgs(value, 'secret_args', { lenientReferences: true });
      return errors.length
        ? errors.map((e) => e.message.replace(/^secret_args /, '')).join('; ')
        : undefined;
    }),
  );

@KomodoAliases({ builder: 'builder_id' })
export class BuildConfigDto {
  @Str() builder_id?: string;
  @Nested(() => VersionDto) version?: VersionDto;
  @Bool() auto_increment_version?: boolean;
  @Str() image_name?: string;
  @Str() image_tag?: string;
  @Bool() include_latest_tag?: boolean;
  @Bool() include_version_tags?: boolean;
  @Bool() include_commit_tag?: boolean;
  @Strs() links?: string[];
  @Str() linked_repo?: string;
  @GitProvider() git_provider?: string;
  @Bool() git_https?: boolean;
  @Str() git_account?: string;
  @GitRepo() repo?: string;
  @GitBranch() branch?: string;
  @GitCommit() commit?: string;
  @Bool() webhook_enabled?: boolean;
  @Str() webhook_secret?: string;
  @Bool() files_on_host?: boolean;
  @Path() build_path?: string;
  @Path() dockerfile_path?: string;
  @NestedList(() => ImageRegistryConfigDto) image_registry?: ImageRegistryConfigDto[];
  @Bool() skip_secret_interp?: boolean;
  @Bool() use_buildx?: boolean;
  @Strs() extra_args?: string[];
  @Nested(() => SystemCommandDto) pre_build?: SystemCommandDto;
  @Str() dockerfile?: string;
  @Str() build_args?: string;
  @SecretArgs() secret_args?: string;
  @Str() labels?: string;
}
