import { useState } from 'react';
import { showValue } from '../config/diff';
import { ActionButton } from '../components/confirm-button';
import type { PlanChange } from './sync-plan';

const TONE = { Create: 'good', Update: 'busy', Delete: 'bad' } as const;

/** What "Apply only this" asks before it runs. */
function applyQuestion(change: PlanChange): string {
  const what = `${change.action.toLowerCase()} ${change.kind} '${change.name}'`;
  return change.action === 'Delete'
    ? `Apply only this change: ${what}? It is deleted now, whatever else the plan holds.`
    : `Apply only this change: ${what}? The rest of the plan stays pending.`;
}

/**
 * One change of the plan: what it does to what, its fields before and after (secrets come
 * masked), the TOML of both sides on demand, and, for a resource, "Apply only this".
 */
export function PlanChangeView(props: {
  change: PlanChange;
  /** Runs RunSync for this change alone; absent without Execute on the sync. */
  applyOnly?: (change: PlanChange) => Promise<unknown>;
}) {
  const { change, applyOnly } = props;
  const [toml, setToml] = useState(false);
  return (
    <li data-change={change.key} data-action={change.action}>
      <header className="timeline-head">
        <span className={`badge badge-${TONE[change.action]}`}>{change.action}</span>
        <strong>{change.name}</strong>
        <span className="muted">{change.kind}</span>
        <button
          type="button"
          className="link"
          aria-pressed={toml}
          onClick={() => setToml((shown) => !shown)}
        >
          {toml ? 'Show fields' : 'Show TOML'}
        </button>
        {applyOnly && change.resource && (
          <ActionButton
            label="Apply only this"
            confirm={applyQuestion(change)}
            action={() => applyOnly(change)}
          />
        )}
      </header>
      {toml ? <TomlSides change={change} /> : <FieldTable change={change} />}
    </li>
  );
}

function FieldTable({ change }: { change: PlanChange }) {
  if (!change.fields.length) return <p className="muted">No field differs.</p>;
  return (
    <table className="diff">
      <thead>
        <tr>
          <th>field</th>
          <th>current</th>
          <th>proposed</th>
        </tr>
      </thead>
      <tbody>
        {change.fields.map(({ path, current, proposed }) => (
          <tr key={path} data-field={path}>
            <th scope="row">{path}</th>
            <td className="removed">
              <pre>{showValue(current)}</pre>
            </td>
            <td className="added">
              <pre>{showValue(proposed)}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TomlSides({ change }: { change: PlanChange }) {
  return (
    <table className="diff" data-toml>
      <thead>
        <tr>
          <th>current</th>
          <th>proposed</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="removed">
            <pre>{change.current ?? '(none)'}</pre>
          </td>
          <td className="added">
            <pre>{change.proposed ?? '(deleted)'}</pre>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
