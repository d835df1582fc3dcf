import type { ReactNode } from 'react';
import type { InputProps } from './field-inputs';
import { CheckboxInput, NumberInput, TextInput } from './field-inputs';

/** Komodo's MaintenanceWindow, as an Alerter's or a Server's config holds it. */
export interface MaintenanceWindow {
  name: string;
  description: string;
  schedule_type: string;
  day_of_week: string;
  date: string;
  hour: number;
  minute: number;
  duration_minutes: number;
  timezone: string;
  enabled: boolean;
}

const SCHEDULES = ['Daily', 'Weekly', 'OneTime'] as const;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A new window: daily at 00:00 for an hour, in the browser's own time zone. */
function newWindow(): MaintenanceWindow {
  return {
    name: '',
    description: '',
    schedule_type: 'Daily',
    day_of_week: '',
    date: '',
    hour: 0,
    minute: 0,
    duration_minutes: 60,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    enabled: true,
  };
}

/**
 * `maintenance_windows` as one block per window: its schedule picks which of day and date it
 * asks for; the gateway checks the rest (a 30 February, a time zone it does not know).
 */
export function MaintenanceWindowsInput({
  id,
  value,
  readOnly,
  onChange,
}: InputProps<MaintenanceWindow[]>) {
  const set = (i: number, patch: Partial<MaintenanceWindow>) =>
    onChange(value.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <div id={id} className="maintenance-windows">
      {value.length === 0 && <span className="muted">(none)</span>}
      {value.map((w, i) => {
        const at = (field: string) => `${id}-${i}-${field}`;
        const row = (field: keyof MaintenanceWindow, input: ReactNode) => (
          <div className="field" key={field}>
            <label htmlFor={at(field)}>{field}</label>
            {input}
          </div>
        );
        const text = (field: 'name' | 'description' | 'timezone') =>
          row(
            field,
            <TextInput
              id={at(field)}
              value={w[field]}
              readOnly={readOnly}
              onChange={(v) => set(i, { [field]: v })}
            />,
          );
        const number = (field: 'hour' | 'minute' | 'duration_minutes') =>
          row(
            field,
            <NumberInput
              id={at(field)}
              value={w[field]}
              readOnly={readOnly}
              onChange={(v) => set(i, { [field]: v })}
            />,
          );
        return (
          <fieldset key={i} className="tagged" aria-label={`Window ${w.name || i + 1}`}>
            {text('name')}
            {row(
              'schedule_type',
              <TextInput
                id={at('schedule_type')}
                value={w.schedule_type}
                readOnly={readOnly}
                choices={SCHEDULES}
                onChange={(v) => set(i, { schedule_type: v })}
              />,
            )}
            {w.schedule_type === 'Weekly' &&
              row(
                'day_of_week',
                <TextInput
                  id={at('day_of_week')}
                  value={w.day_of_week}
                  readOnly={readOnly}
                  choices={DAYS}
                  onChange={(v) => set(i, { day_of_week: v })}
                />,
              )}
            {w.schedule_type === 'OneTime' &&
              row(
                'date',
                <input
                  id={at('date')}
                  type="date"
                  value={w.date}
                  readOnly={readOnly}
                  onChange={(e) => set(i, { date: e.target.value })}
                />,
              )}
            {number('hour')}
            {number('minute')}
            {number('duration_minutes')}
            {text('timezone')}
            {row(
              'enabled',
              <CheckboxInput
                id={at('enabled')}
                value={w.enabled}
                readOnly={readOnly}
                onChange={(v) => set(i, { enabled: v })}
              />,
            )}
            {text('description')}
            {!readOnly && (
              <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove window
              </button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && (
        <button type="button" onClick={() => onChange([...value, newWindow()])}>
          Add window
        </button>
      )}
    </div>
  );
}
