export type Options = { id: string; name: string }[];

interface Props<T> {
  id: string;
  value: T;
  readOnly?: boolean;
  options: Options;
  onChange(value: T): void;
}

/** A resource by name; the id is what is stored. An id no list knows stays as it is. */
export function ReferenceInput({ id, value, readOnly, options, onChange }: Props<string>) {
  const known = value === '' || options.some((o) => o.id === value);
  return (
    <select id={id} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
      <option value="">(none)</option>
      {!known && <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

/**
 * Several resources by name, in the order they were ticked (a Server builder overflows to later
 * servers): ids no list knows stay ticked as they are.
 */
export function ReferencesInput({ id, value, readOnly, options, onChange }: Props<string[]>) {
  const unknown = value.filter((v) => !options.some((o) => o.id === v));
  const all = [...unknown.map((v) => ({ id: v, name: v })), ...options];
  const toggle = (ref: string, on: boolean) =>
    onChange(on ? [...value, ref] : value.filter((v) => v !== ref));
  return (
    <fieldset id={id} className="references" disabled={readOnly}>
      {all.length === 0 && <span className="muted">(none to choose from)</span>}
      {all.map((o) => (
        <label key={o.id} className="inline">
          <input
            type="checkbox"
            value={o.id}
            checked={value.includes(o.id)}
            onChange={(e) => toggle(o.id, e.target.checked)}
          />{' '}
          {o.name}
        </label>
      ))}
    </fieldset>
  );
}
