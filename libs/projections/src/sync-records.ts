import { evolveSyncRecord, initialSyncRecord, type SyncRecord } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/**
 * What each ResourceSync's stream (`resourcesync-<id>`) records beside its config: the plan its
 * last refresh found, and its last run.
 */
export class SyncRecords {
  private readonly records = new Map<string, SyncRecord>();

  apply(id: string, event: StoredEvent): void {
    const record = evolveSyncRecord(this.records.get(id) ?? initialSyncRecord(), event);
    if (record.status === 'Deleted') this.records.delete(id);
    else this.records.set(id, record);
  }

  of(id: string): SyncRecord {
    return this.records.get(id) ?? initialSyncRecord();
  }
}
