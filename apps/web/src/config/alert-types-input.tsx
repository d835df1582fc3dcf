import type { InputProps } from './field-inputs';
import { ALERT_TYPE_GROUPS } from './alert-type-groups';

/**
 * An Alerter's `alert_types` as ticks grouped by what they are about; types the page does not
 * know (none today) stay ticked as they are. None ticked: every failure and problem, no success.
 */
export function AlertTypesInput({ id, value, readOnly, onChange }: InputProps<string[]>) {
  const toggle = (type: string, on: boolean) =>
    onChange(on ? [...value, type] : value.filter((v) => v !== type));
  return (
    <div id={id} className="alert-types">
      {ALERT_TYPE_GROUPS.map(({ group, types }) => (
        <fieldset key={group} disabled={readOnly}>
          <legend>{group}</legend>
          {types.map((type) => (
            <label key={type} className="inline">
              <input
                type="checkbox"
                value={type}
                checked={value.includes(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />{' '}
              {type}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
