import { GetAlertDto, ListAlertsDto } from '../requests/servers.dto';
import {
  EmptyDto,
  GetResourceAtDto,
  GetResourceHistoryDto,
  GetUpdateDto,
  ListUpdatesDto,
} from '../requests/read.dto';
import type {
  AlertAnswer,
  AlertsPage,
  HistoryEntry,
  ResourceAt,
  Update,
  UpdatesPage,
} from './answers';
import { entry, komodo, USER } from './entry';

/**
 * Updates, alerts, a resource's history, the core's own info. Every user may ask; the gateway's
 * handlers answer only what the user may read (history also of deleted resources, which the
 * shared resource check cannot see).
 */
export const HISTORY_REQUESTS = {
  GetUpdate: entry<Update>()('GetUpdate', 'read', GetUpdateDto, USER, 'gateway'),
  ListUpdates: entry<UpdatesPage>()('ListUpdates', 'read', ListUpdatesDto, USER, 'gateway'),
  ListAlerts: entry<AlertsPage>()('ListAlerts', 'read', ListAlertsDto, USER, 'gateway'),
  GetAlert: entry<AlertAnswer>()('GetAlert', 'read', GetAlertDto, USER, 'gateway'),
  CloseAlert: komodo('CloseAlert', 'write', GetAlertDto, USER, 'gateway'),
  GetResourceHistory: entry<HistoryEntry[]>()(
    'GetResourceHistory',
    'read',
    GetResourceHistoryDto,
    USER,
    'gateway',
  ),
  GetResourceAt: entry<ResourceAt>()('GetResourceAt', 'read', GetResourceAtDto, USER, 'gateway'),
  GetVersion: komodo('GetVersion', 'read', EmptyDto, USER, 'gateway'),
  GetCoreInfo: komodo('GetCoreInfo', 'read', EmptyDto, USER, 'gateway'),
};
