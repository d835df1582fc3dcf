import { TEST_PASSWORD } from '../support/api';
import { firstEnumValue, firstLiteral, komodoParams, type KomodoParam } from './komodo-types';

/** What the requests' params name that the test creates first. */
export interface Fixtures {
  userId: string;
  updateId: string;
  alertId: string;
  gitAccount: string;
  gitAccountSpare: string;
  registryAccount: string;
  registryAccountSpare: string;
}

/** The resource created for each kind (`Update<Kind> { id }`, `Get<Kind> { <param> }`). */
const RESOURCE_OF: Record<string, string> = {
  Server: 'k-server',
  Deployment: 'k-deployment',
  Stack: 'k-stack',
  Build: 'k-build',
  Repo: 'k-repo',
  Procedure: 'k-procedure',
  Action: 'k-action',
  ResourceSync: 'k-resourcesync',
  Builder: 'k-builder',
  Alerter: 'k-alerter',
};

/** Params named as Komodo names the resource they take (`GetDeployment { deployment }`). */
const BY_PARAM: Record<string, unknown> = {
  server: 'k-server',
  deployment: 'k-deployment',
  stack: 'k-stack',
  build: 'k-build',
  repo: 'k-repo',
  procedure: 'k-procedure',
  action: 'k-action',
  sync: 'k-resourcesync',
  builder: 'k-builder',
  alerter: 'k-alerter',
  user_group: 'k-group',
  tag: 'k-tag',
  container: 'k-container',
  service: 'app',
  services: [],
  terms: ['k'],
  tail: 10,
  page: 0,
  limit: 10,
  stop_time: 1,
  pattern: 'k-*',
  tags: [],
  query: {},
  config: {},
  target: { type: 'Server', id: 'k-server' },
  resource_target: { type: 'Server', id: 'k-server' },
  resource_type: 'Server',
  permission: 'Read',
  granularity: '15-sec',
  color: 'Slate',
  description: 'k',
  value: 'v',
  domain: 'registry.k',
  username: 'k-user',
  public_key: 'k-public-key',
};

/** Request by request, where a param's meaning depends on the request. */
function overrides(request: string, f: Fixtures): Record<string, unknown> {
  const kinds = /^(Create|Copy|Update|Rename|Delete)(\w+)$/.exec(request);
  const kind = kinds && Object.hasOwn(RESOURCE_OF, kinds[2]) ? kinds[2] : undefined;
  const slug = kind?.toLowerCase();
  const byRequest: Record<string, Record<string, unknown>> = {
    GetUpdate: { id: f.updateId },
    GetAlert: { id: f.alertId },
    CloseAlert: { id: f.alertId },
    GetGitProviderAccount: { id: f.gitAccount },
    UpdateGitProviderAccount: { id: f.gitAccount, account: { token: 't2' } },
    DeleteGitProviderAccount: { id: f.gitAccountSpare },
    CreateGitProviderAccount: { account: { domain: 'new.k', username: 'k', token: 't' } },
    GetImageRegistryAccount: { id: f.registryAccount },
    UpdateImageRegistryAccount: { id: f.registryAccount, account: { token: 't2' } },
    DeleteImageRegistryAccount: { id: f.registryAccountSpare },
    CreateImageRegistryAccount: { account: { domain: 'new.k', username: 'k', token: 't' } },
    CreateTag: { name: 'k-new-tag' },
    RenameTag: { id: 'k-rename-tag', name: 'k-renamed-tag' },
    DeleteTag: { id: 'k-delete-tag' },
    CreateUserGroup: { name: 'k-new-group' },
    RenameUserGroup: { id: 'k-rename-group', name: 'k-renamed-group' },
    DeleteUserGroup: { id: 'k-delete-group' },
    AddUserToUserGroup: { user: f.userId },
    RemoveUserFromUserGroup: { user: f.userId },
    SetUsersInUserGroup: { users: [f.userId] },
    FindUser: { user: 'k-user' },
    GetUsername: { user_id: f.userId },
    CreateLocalUser: { username: 'k-new-user', password: TEST_PASSWORD },
    DeleteUser: { user: 'k-delete-user' },
    UpdateUserAdmin: { user_id: f.userId, admin: false },
    UpdateUserBasePermissions: { user_id: f.userId, enabled: true },
    ListUserTargetPermissions: { user_target: { type: 'User', id: f.userId } },
    UpdatePermissionOnTarget: { user_target: { type: 'User', id: f.userId } },
    UpdatePermissionOnResourceType: { user_target: { type: 'User', id: f.userId } },
    GetVariable: { name: 'K_VAR' },
    CreateVariable: { name: 'K_NEW_VAR', is_secret: false },
    UpdateVariableValue: { name: 'K_VAR' },
    UpdateVariableDescription: { name: 'K_VAR' },
    UpdateVariableIsSecret: { name: 'K_VAR', is_secret: false },
    DeleteVariable: { name: 'K_DELETE_VAR' },
    // A sync's file holds TOML: CommitSync, sent later, reads it.
    WriteSyncFileContents: { resource_path: '', file_path: 'k.toml', contents: '# k\n' },
  };
  if (byRequest[request]) return byRequest[request];
  if (!kind) return {};
  switch (kinds![1]) {
    case 'Create':
      return { name: `k-new-${slug}` };
    case 'Copy':
      return { name: `k-copy-${slug}`, id: RESOURCE_OF[kind] };
    case 'Update':
      return { id: RESOURCE_OF[kind] };
    case 'Rename':
      return { id: `k-rename-${slug}`, name: `k-renamed-${slug}` };
    default:
      return { id: `k-delete-${slug}` };
  }
}

/** A value of the param's type, for params no rule above names. */
function ofType({ type }: KomodoParam): unknown {
  if (type === 'string') return 'k';
  if (/^(number|U64|I64|U32|I32|U16|I16|F64|F32)$/.test(type)) return 1;
  if (type === 'boolean') return false;
  if (type.endsWith('[]')) return [];
  return firstEnumValue(type) ?? firstLiteral(type) ?? {};
}

/** Every param of Komodo's request type, with a value of its type the fixtures make sense of. */
export function placeholderParams(request: string, fixtures: Fixtures): Record<string, unknown> {
  const given = overrides(request, fixtures);
  return Object.fromEntries(
    komodoParams(request).map((param) => [
      param.name,
      Object.hasOwn(given, param.name)
        ? given[param.name]
        : Object.hasOwn(BY_PARAM, param.name)
          ? BY_PARAM[param.name]
          : ofType(param),
    ]),
  );
}
