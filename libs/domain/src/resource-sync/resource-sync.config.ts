import { DEFAULT_BRANCH, DEFAULT_GIT_PROVIDER, type ReferenceSpec } from '../resources/configs/common';

export interface ResourceSyncConfig {
  linked_repo: string;
  git_provider: string;
  git_https: boolean;
  repo: string;
  branch: string;
  commit: string;
  git_account: string;
  webhook_enabled: boolean;
  webhook_secret: string;
  files_on_host: boolean;
  resource_path: string[];
  managed: boolean;
  delete: boolean;
  include_resources: boolean;
  match_tags: string[];
  include_variables: boolean;
  include_user_groups: boolean;
  pending_alert: boolean;
  file_contents: string;
}

export function defaultResourceSyncConfig(): ResourceSyncConfig {
  return {
    linked_repo: '',
    git_provider: DEFAULT_GIT_PROVIDER,
    git_https: true,
    repo: '',
    branch: DEFAULT_BRANCH,
    commit: '',
    git_account: '',
    webhook_enabled: true,
    webhook_secret: '',
    files_on_host: false,
    resource_path: [],
    managed: false,
    delete: false,
    include_resources: true,
    match_tags: [],
    include_variables: false,
    include_user_groups: false,
    pending_alert: true,
    file_contents: '',
  };
}

export const RESOURCE_SYNC_REFERENCES: ReferenceSpec[] = [{ path: ['linked_repo'], kind: 'Repo' }];

export const RESOURCE_SYNC_SECRETS: string[][] = [['webhook_secret']];
