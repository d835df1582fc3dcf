import {
  COMPOSE_WRAPPER_SUBCOMMANDS,
  STACK_FILE_REQUIRES,
} from '../../../domain/src/resources/configs';
import { SystemCommandDto } from './common.dto';
import { KomodoAliases } from './hints';
import { Path, Paths } from './relative-path';
import { Bool, Nested, NestedList, OneOf, OneOfEach, rule, Str, Strs } from './rules';
import { GitBranch, GitCommit, GitProvider, GitRepo, ProjectName } from './runtime-fields';

export class AdditionalEnvFileDto {
  @Path({ required: true }) path!: string;
  @Bool() track?: boolean;
}

export class StackFileDependencyDto {
  @Path({ required: true }) path!: string;
  @Strs() services?: string[];
  @OneOf(STACK_FILE_REQUIRES) requires?: string;
}

@KomodoAliases({ server: 'server_id', swarm: 'swarm_id' })
export class StackConfigDto {
  @Str() swarm_id?: string;
  @Str() server_id?: string;
  @Strs() links?: string[];
  @ProjectName() project_name?: string;
  @Bool() auto_pull?: boolean;
  @Bool() run_build?: boolean;
  @Bool() poll_for_updates?: boolean;
  @Bool() auto_update?: boolean;
  @Bool() auto_update_all_services?: boolean;
  @Strs() auto_update_skip_services?: string[];
  @Bool() destroy_before_deploy?: boolean;
  @Bool() skip_secret_interp?: boolean;
  @Str() linked_repo?: string;
  @GitProvider() git_provider?: string;
  @Bool() git_https?: boolean;
  @Str() git_account?: string;
  @GitRepo() repo?: string;
  @GitBranch() branch?: string;
  @GitCommit() commit?: string;
  @Path() clone_path?: string;
  @Bool() reclone?: boolean;
  @Bool() webhook_enabled?: boolean;
  @Str() webhook_secret?: string;
  @Bool() webhook_force_deploy?: boolean;
  @Bool() files_on_host?: boolean;
  @Path() run_directory?: string;
  @Paths() file_paths?: string[];
  @Path() env_file_path?: string;
  @NestedList(() => AdditionalEnvFileDto) additional_env_files?: AdditionalEnvFileDto[];
  @NestedList(() => StackFileDependencyDto) config_files?: StackFileDependencyDto[];
  @Bool() send_alerts?: boolean;
  @Str() registry_provider?: string;
  @Str() registry_account?: string;
  @Nested(() => SystemCommandDto) pre_deploy?: SystemCommandDto;
  @Nested(() => SystemCommandDto) post_deploy?: SystemCommandDto;
  @Strs() extra_args?: string[];
  @Strs() build_extra_args?: string[];
  @Str(
    undefined,
    rule('composeWrapper', (v) =>
      typeof v !== 'string' || !v.trim() || v.includes('[[COMPOSE_COMMAND]]')
        ? undefined
        : 'must contain [[COMPOSE_COMMAND]] where the compose command goes',
    ),
  )
  compose_cmd_wrapper?: string;
  @OneOfEach(COMPOSE_WRAPPER_SUBCOMMANDS) compose_cmd_wrapper_include?: string[];
  @Strs() ignore_services?: string[];
  @Str() file_contents?: string;
  @Str() environment?: string;
}
