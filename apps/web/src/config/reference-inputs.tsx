import { useState } from 'react';
import type { ResourceKind } from '@monitor/contracts';
import { useResourceSearch, type Option } from '../api/use-resource-search';
import { useNamesOf } from '../api/use-target-names';
import { ErrorNote } from '../components/error-note';
import { kindSpec } from '../kinds';

export type Options = Option[];

interface Props<T> {
  id: string;
  /** The kind the field names. */
  kind: ResourceKind;
  value: T;
  readOnly?: boolean;
  onChange(value: T): void;
}

/**
 * A resource by name; the id is what is stored. The select offers the first few the gateway
 * finds for what is typed in the search box beside it (never a kind's whole list), and the
 * value's own name (one `Get<Kind>`). An id no read names stays as it is.
 */
export function ReferenceInput({ id, kind, value, readOnly, onChange }: Props<string>) {
  const [search, setSearch] = useState('');
  const found = useResourceSearch(readOnly ? undefined : kind, search);
  const named = useNamesOf(value ? [{ type: kind, id: value }] : []);
  const listed = value === '' || found.options.some((o) => o.id === value);
  return (
    <span className="reference-picker">
      {!readOnly && <PickerSearch id={id} kind={kind} value={search} onChange={setSearch} />}
      <select id={id} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
        <option value="">(none)</option>
        {!listed && <option value={value}>{named.names.get(value) ?? value}</option>}
        {found.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <ErrorNote error={found.error ?? named.error} />
    </span>
  );
}

/**
 * Several resources by name, in the order they were ticked (a Server builder overflows to later
 * servers): the ticked ones first, by name, then what the search finds. Ids no read names stay
 * ticked as they are.
 */
export function ReferencesInput({ id, kind, value, readOnly, onChange }: Props<string[]>) {
  const [search, setSearch] = useState('');
  const found = useResourceSearch(readOnly ? undefined : kind, search);
  const named = useNamesOf(value.map((v) => ({ type: kind, id: v })));
  const ticked = value.map((v) => ({ id: v, name: named.names.get(v) ?? v }));
  const all = [...ticked, ...found.options.filter((o) => !value.includes(o.id))];
  const toggle = (ref: string, on: boolean) =>
    onChange(on ? [...value, ref] : value.filter((v) => v !== ref));
  return (
    <div className="references-picker">
      {!readOnly && <PickerSearch id={id} kind={kind} value={search} onChange={setSearch} />}
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
      <ErrorNote error={found.error ?? named.error} />
    </div>
  );
}

function PickerSearch(props: {
  id: string;
  kind: ResourceKind;
  value: string;
  onChange(value: string): void;
}) {
  const plural = kindSpec(props.kind).plural.toLowerCase();
  return (
    <input
      type="search"
      id={`${props.id}-search`}
      aria-label={`Search ${plural}`}
      placeholder={`search ${plural}`}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
