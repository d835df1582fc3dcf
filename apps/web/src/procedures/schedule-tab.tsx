import { useState } from 'react';
import type { UpdateResourceDto } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import {
  changedScheduleFields,
  SCHEDULE_HINTS,
  scheduleFieldsOf,
  type ScheduleFields,
} from './schedule-fields';

interface Props {
  kind: 'Procedure' | 'Action';
  id: string;
  name: string;
  config: unknown;
  canWrite: boolean;
  onSaved(): void;
}

/**
 * When a Procedure or Action runs by itself: its schedule's format, expression, time zone and
 * switches, saved through Update<Kind> (the gateway's refusal names `schedule` and, for a
 * five-field cron, gives its six-field form), and what ListSchedules makes of it: the next run,
 * or why there is none.
 */
export function ScheduleTab({ kind, id, name, config, canWrite, onSaved }: Props) {
  const { api } = useSession();
  const saved = scheduleFieldsOf(config);
  const [fields, setFields] = useState(saved);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const listed = useRequest(async () => {
    const items = await api.read('ListSchedules', { terms: [name] });
    return items.find((s) => s.target.id === id);
  }, [api, id, name, JSON.stringify(config)]);
  const changes = changedScheduleFields(saved, fields);
  const set = (change: Partial<ScheduleFields>) => setFields({ ...fields, ...change });
  const readOnly = !canWrite;

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const params: UpdateResourceDto = { id, config: changes };
      await (kind === 'Procedure'
        ? api.write('UpdateProcedure', params)
        : api.write('UpdateAction', params));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="schedule" aria-label="Schedule">
      <label htmlFor="schedule-format">format</label>
      <select
        id="schedule-format"
        value={fields.schedule_format}
        disabled={readOnly}
        onChange={(e) =>
          set({ schedule_format: e.target.value as ScheduleFields['schedule_format'] })
        }
      >
        <option value="English">English</option>
        <option value="Cron">Cron</option>
      </select>
      <label htmlFor="schedule-expression">schedule</label>
      <input
        id="schedule-expression"
        value={fields.schedule}
        readOnly={readOnly}
        placeholder="empty: not scheduled"
        onChange={(e) => set({ schedule: e.target.value })}
      />
      <p className="muted">{SCHEDULE_HINTS[fields.schedule_format]}</p>
      <label htmlFor="schedule-timezone">time zone</label>
      <input
        id="schedule-timezone"
        value={fields.schedule_timezone}
        readOnly={readOnly}
        placeholder="empty: Monitor's configured zone"
        onChange={(e) => set({ schedule_timezone: e.target.value })}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={fields.schedule_enabled}
          disabled={readOnly}
          onChange={(e) => set({ schedule_enabled: e.target.checked })}
        />{' '}
        enabled
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={fields.schedule_alert}
          disabled={readOnly}
          onChange={(e) => set({ schedule_alert: e.target.checked })}
        />{' '}
        alert when a scheduled run starts
      </label>
      <ScheduleState
        next={listed.data?.next_scheduled_run}
        problem={listed.data?.schedule_error}
        lastRun={listed.data?.last_run_at}
      />
      <ErrorNote error={listed.error} />
      {canWrite && (
        <div>
          <ErrorNote error={error} />
          <button type="button" disabled={Object.keys(changes).length === 0 || busy} onClick={save}>
            {busy ? 'Saving…' : 'Save schedule'}
          </button>
        </div>
      )}
    </div>
  );
}

function ScheduleState(props: { next?: number; problem?: string; lastRun?: number }) {
  const at = (ms: number) => new Date(ms).toLocaleString();
  return (
    <p className="muted" data-testid="schedule-state">
      {props.problem
        ? `Not running: ${props.problem}`
        : props.next !== undefined
          ? `Next run: ${at(props.next)}`
          : 'No run scheduled.'}
      {props.lastRun !== undefined && ` Last run: ${at(props.lastRun)}.`}
    </p>
  );
}
