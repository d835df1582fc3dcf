import { useState } from 'react';
import type { ResourceKind } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { KINDS, kindSpec } from '../kinds';
import type { InputProps } from './field-inputs';
import { useResourceNames } from './resource-names';

export type Target = { type: string; id: string };

/**
 * An Alerter's `resources` / `except_resources`: resources of any kind by name, stored as Komodo's
 * `{ type, id }`; one no list knows (deleted, or of a kind Monitor lacks) shows as its id.
 */
export function ResourceTargetsInput({ id, value, readOnly, onChange }: InputProps<Target[]>) {
  const { api } = useSession();
  const [kind, setKind] = useState<ResourceKind>('Server');
  const [picked, setPicked] = useState('');
  const names = useResourceNames();
  const options = useRequest(
    async () =>
      (await api.read(kindSpec(kind).requests.list)).map(({ id, name }) => ({ id, name })),
    [api, kind],
  );
  const nameOf = (t: Target) => names.get(`${t.type}/${t.id}`) ?? t.id;
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
            }}
          >
            {KINDS.map((k) => (
              <option key={k.kind}>{k.kind}</option>
            ))}
          </select>
          <select
            id={`${id}-resource`}
            aria-label="Resource"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
          >
            <option value="">(choose)</option>
            {(options.data ?? []).map((o) => (
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
    </div>
  );
}
