import { useState } from 'react';
import type { ResourceKind } from '@monitor/contracts';
import { useResourceSearch } from '../api/use-resource-search';
import { useNamesOf } from '../api/use-target-names';
import { ErrorNote } from '../components/error-note';
import { KINDS, kindSpec } from '../kinds';
import type { InputProps } from './field-inputs';

export type Target = { type: string; id: string };

/**
 * An Alerter's `resources` / `except_resources`: resources of any kind by name, stored as Komodo's
 * `{ type, id }`; one no read names (deleted, or of a kind Monitor lacks) shows as its id. The
 * names shown are read one `Get<Kind>` each; the ones to add are searched by the gateway.
 */
export function ResourceTargetsInput({ id, value, readOnly, onChange }: InputProps<Target[]>) {
  const [kind, setKind] = useState<ResourceKind>('Server');
  const [picked, setPicked] = useState('');
  const [search, setSearch] = useState('');
  const found = useResourceSearch(readOnly ? undefined : kind, search);
  const { names, error } = useNamesOf(value);
  const nameOf = (t: Target) => names.get(t.id) ?? t.id;
  const chosen = (t: Target) => value.some((v) => v.type === t.type && v.id === t.id);
  return (
    <div id={id} className="resource-targets">
      {value.length === 0 && <span className="muted">(none)</span>}
      <ul>
        {value.map((t) => (
          <li key={`${t.type}/${t.id}`}>
            {t.type}: {nameOf(t)}{' '}
            {!readOnly && (
              <button
                type="button"
                aria-label={`Remove ${t.type} ${nameOf(t)}`}
                onClick={() => onChange(value.filter((v) => v !== t))}
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div className="inline">
          <select
            id={`${id}-kind`}
            aria-label="Kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ResourceKind);
              setPicked('');
              setSearch('');
            }}
          >
            {KINDS.map((k) => (
              <option key={k.kind}>{k.kind}</option>
            ))}
          </select>
          <input
            type="search"
            id={`${id}-search`}
            aria-label={`Search ${kindSpec(kind).plural.toLowerCase()}`}
            placeholder={`search ${kindSpec(kind).plural.toLowerCase()}`}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPicked('');
            }}
          />
          <select
            id={`${id}-resource`}
            aria-label="Resource"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
          >
            <option value="">(choose)</option>
            {found.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!picked || chosen({ type: kind, id: picked })}
            onClick={() => onChange([...value, { type: kind, id: picked }])}
          >
            Add
          </button>
        </div>
      )}
      <ErrorNote error={error ?? found.error} />
    </div>
  );
}
