import { SystemCommandDto } from './common.dto';
import { KomodoAliases } from './hints';
import { Path } from './relative-path';
import { Bool, Nested, Str, Strs } from './rules';
import { GitBranch, GitCommit, GitProvider, GitRepo } from './runtime-fields';

@KomodoAliases({ server: 'server_id', builder: 'builder_id' })
export class RepoConfigDto {
  @Str() server_id?: string;
  @Str() builder_id?: string;
  @GitProvider() git_provider?: string;
  @Bool() git_https?: boolean;
  @Str() git_account?: string;
  @GitRepo() repo?: string;
  @GitBranch() branch?: string;
  @GitCommit() commit?: string;
  /** Komodo also takes an absolute path here; Monitor keeps clones inside the agent's folder. */
  @Path() path?: string;
  @Bool() webhook_enabled?: boolean;
  @Str() webhook_secret?: string;
  @Nested(() => SystemCommandDto) on_clone?: SystemCommandDto;
  @Nested(() => SystemCommandDto) on_pull?: SystemCommandDto;
  @Strs() links?: string[];
  @Str() environment?: string;
  @Path() env_file_path?: string;
  @Bool() skip_secret_interp?: boolean;
}
