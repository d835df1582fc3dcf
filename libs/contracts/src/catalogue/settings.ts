import {
  AccountIdDto,
  CreateAccountDto,
  CreateVariableDto,
  ListAccountsDto,
  ListProvidersDto,
  UpdateAccountDto,
  UpdateVariableDescriptionDto,
  UpdateVariableIsSecretDto,
  UpdateVariablePermissionDto,
  UpdateVariableValueDto,
  VariableNameDto,
} from '../requests/settings.dto';
import { EmptyDto } from '../requests/read.dto';
import type { VariableAnswer, VariableGrantees } from './answers';
import { ADMIN, entry, komodo, komodoRecord, USER } from './entry';

/**
 * Variables and git / registry accounts: settings of the whole installation, sealed by the
 * gateway. Any user reads them (secrets redacted); admins change them.
 */
export const SETTINGS_REQUESTS = {
  ListVariables: entry<VariableAnswer[]>()('ListVariables', 'read', EmptyDto, USER, 'gateway'),
  GetVariable: entry<VariableAnswer>()('GetVariable', 'read', VariableNameDto, USER, 'gateway'),
  CreateVariable: komodo('CreateVariable', 'write', CreateVariableDto, ADMIN, 'gateway'),
  UpdateVariableValue: komodo(
    'UpdateVariableValue',
    'write',
    UpdateVariableValueDto,
    ADMIN,
    'gateway',
  ),
  UpdateVariableDescription: komodo(
    'UpdateVariableDescription',
    'write',
    UpdateVariableDescriptionDto,
    ADMIN,
    'gateway',
  ),
  UpdateVariableIsSecret: komodo(
    'UpdateVariableIsSecret',
    'write',
    UpdateVariableIsSecretDto,
    ADMIN,
    'gateway',
  ),
  DeleteVariable: komodo('DeleteVariable', 'write', VariableNameDto, ADMIN, 'gateway'),
  /** Monitor's: who, besides admins, may use a secret variable. */
  GetVariablePermissions: entry<VariableGrantees>()(
    'GetVariablePermissions',
    'read',
    VariableNameDto,
    ADMIN,
    'gateway',
  ),
  UpdateVariablePermission: entry<VariableGrantees>()(
    'UpdateVariablePermission',
    'write',
    UpdateVariablePermissionDto,
    ADMIN,
    'gateway',
  ),
  ListGitProviderAccounts: komodoRecord(
    'ListGitProviderAccounts',
    'read',
    ListAccountsDto,
    USER,
    'gateway',
  ),
  GetGitProviderAccount: komodoRecord(
    'GetGitProviderAccount',
    'read',
    AccountIdDto,
    USER,
    'gateway',
  ),
  CreateGitProviderAccount: komodo(
    'CreateGitProviderAccount',
    'write',
    CreateAccountDto,
    ADMIN,
    'gateway',
  ),
  UpdateGitProviderAccount: komodo(
    'UpdateGitProviderAccount',
    'write',
    UpdateAccountDto,
    ADMIN,
    'gateway',
  ),
  DeleteGitProviderAccount: komodo(
    'DeleteGitProviderAccount',
    'write',
    AccountIdDto,
    ADMIN,
    'gateway',
  ),
  ListImageRegistryAccounts: komodoRecord(
    'ListImageRegistryAccounts',
    'read',
    ListAccountsDto,
    USER,
    'gateway',
  ),
  GetImageRegistryAccount: komodoRecord(
    'GetImageRegistryAccount',
    'read',
    AccountIdDto,
    USER,
    'gateway',
  ),
  CreateImageRegistryAccount: komodo(
    'CreateImageRegistryAccount',
    'write',
    CreateAccountDto,
    ADMIN,
    'gateway',
  ),
  UpdateImageRegistryAccount: komodo(
    'UpdateImageRegistryAccount',
    'write',
    UpdateAccountDto,
    ADMIN,
    'gateway',
  ),
  DeleteImageRegistryAccount: komodo(
    'DeleteImageRegistryAccount',
    'write',
    AccountIdDto,
    ADMIN,
    'gateway',
  ),
  ListGitProvidersFromConfig: komodo(
    'ListGitProvidersFromConfig',
    'read',
    ListProvidersDto,
    USER,
    'gateway',
  ),
  ListImageRegistriesFromConfig: komodo(
    'ListImageRegistriesFromConfig',
    'read',
    ListProvidersDto,
    USER,
    'gateway',
  ),
};
