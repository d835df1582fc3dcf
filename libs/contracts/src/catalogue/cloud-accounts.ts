import type { CloudAccountView } from '@monitor/domain';
import {
  CloudAccountIdDto,
  CreateCloudAccountDto,
  ListCloudAccountsDto,
  UpdateCloudAccountDto,
} from '../requests/cloud-account.dto';
import { ADMIN, entry, USER } from './entry';

/**
 * Monitor's (Komodo keeps cloud credentials in its core config only): cloud accounts a
 * ServerTemplate's `cloud_account` names, kept by the gateway like git accounts. Any user reads
 * the credential-free view (which credentials are set, never a value); admins change them.
 */
export const CLOUD_ACCOUNT_REQUESTS = {
  ListCloudAccounts: entry<CloudAccountView[]>()(
    'ListCloudAccounts',
    'read',
    ListCloudAccountsDto,
    USER,
    'gateway',
  ),
  GetCloudAccount: entry<CloudAccountView>()(
    'GetCloudAccount',
    'read',
    CloudAccountIdDto,
    USER,
    'gateway',
  ),
  CreateCloudAccount: entry<CloudAccountView>()(
    'CreateCloudAccount',
    'write',
    CreateCloudAccountDto,
    ADMIN,
    'gateway',
  ),
  UpdateCloudAccount: entry<CloudAccountView>()(
    'UpdateCloudAccount',
    'write',
    UpdateCloudAccountDto,
    ADMIN,
    'gateway',
  ),
  DeleteCloudAccount: entry<CloudAccountView>()(
    'DeleteCloudAccount',
    'write',
    CloudAccountIdDto,
    ADMIN,
    'gateway',
  ),
};
