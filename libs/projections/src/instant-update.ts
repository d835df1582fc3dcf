import type { StoredEvent } from '@monitor/eventstore';
import type { UpdateRecord } from './update-record';

/**
 * The Update a write shows as: complete at the event's own time, by its user, one stage named
 * as the operation whose output says what changed.
 */
export function instantUpdate(
  event: StoredEvent,
  operation: string,
  stdout: string,
  target: UpdateRecord['target'] = { type: 'System', id: '' },
): UpdateRecord {
  const at = event.metadata.at;
  return {
    id: event.id,
    operation,
    start_ts: at,
    end_ts: at,
    success: true,
    operator: event.metadata.userId,
    via: event.metadata.via,
    target,
    logs: [
      {
        stage: operation,
        command: '',
        stdout,
        stderr: '',
        success: true,
        start_ts: at,
        end_ts: at,
      },
    ],
    status: 'Complete',
    position: event.position,
  };
}
