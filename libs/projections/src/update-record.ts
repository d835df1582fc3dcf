import type { ResourceKind } from '@monitor/domain';

/** Komodo's Log: one stage of an Update. */
export interface UpdateLog {
  stage: string;
  command: string;
  stdout: string;
  stderr: string;
  success: boolean;
  start_ts: number;
  end_ts: number;
}

export type UpdateStatus = 'Queued' | 'InProgress' | 'Complete';

/** An Update as the read side keeps it: what Komodo calls an Update, plus how it came about. */
export interface UpdateRecord {
  id: string;
  operation: string;
  start_ts: number;
  end_ts?: number;
  success: boolean;
  operator: string;
  via: string;
  target: { type: ResourceKind | 'System'; id: string };
  logs: UpdateLog[];
  status: UpdateStatus;
  /** Operation-specific data, as Komodo's `other_data` (a JSON string). */
  other_data?: string;
  /** Position of the event that last changed it. */
  position: number;
}
