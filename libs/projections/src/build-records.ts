import { evolveBuildRecord, initialBuildRecord, type BuildRecord } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/**
 * What each Build's stream (`build-<id>`) records of its builds, folded as the events come:
 * the version built last, when, from which commit, every finished run.
 */
export class BuildRecords {
  private readonly records = new Map<string, BuildRecord>();

  /** An event of the build's stream (its lifecycle or a run), in log order. */
  apply(id: string, event: StoredEvent): void {
    const record = evolveBuildRecord(this.records.get(id) ?? initialBuildRecord(), event);
    if (record.status === 'Deleted') this.records.delete(id);
    else this.records.set(id, record);
  }

  /** The build's record; a build with none recorded yet has the initial one. */
  of(id: string): BuildRecord {
    return this.records.get(id) ?? initialBuildRecord();
  }
}
