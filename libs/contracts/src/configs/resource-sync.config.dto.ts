import { Paths } from './relative-path';
import { Bool, Str, Strs } from './rules';
import { GitBranch, GitCommit, GitProvider, GitRepo } from './runtime-fields';

export class ResourceSyncConfigDto {
  @Str() linked_repo?: string;
  @GitProvider() git_provider?: string;
  @Bool() git_https?: boolean;
  @GitRepo() repo?: string;
  @GitBranch() branch?: string;
  @GitCommit() commit?: string;
  @Str() git_account?: string;
  @Bool() webhook_enabled?: boolean;
  @Str() webhook_secret?: string;
  @Bool() files_on_host?: boolean;
  @Paths() resource_path?: string[];
  @Bool() managed?: boolean;
  @Bool() delete?: boolean;
  @Bool() include_resources?: boolean;
  @Strs() match_tags?: string[];
  @Bool() include_variables?: boolean;
  @Bool() include_user_groups?: boolean;
  @Bool() pending_alert?: boolean;
  @Str() file_contents?: string;
}
