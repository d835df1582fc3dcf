import { useState, type FormEvent } from 'react';
import type { CreateVariableDto, UpdateVariableValueDto, VariableAnswer } from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useRequest } from '../../api/use-request';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';
import { VariableUsersDialog } from './variable-users-dialog';

/**
 * Variables, `[[NAME]]` in configs. A secret's value is never answered (`*****`), so it is only
 * ever typed, never shown; who may use a secret is granted here. Writes are for admins; the
 * API refuses others with its message.
 */
export function VariablesSettings() {
  const { api, user } = useSession();
  const variables = useRequest(() => api.read('ListVariables'), [api]);
  const [usersOf, setUsersOf] = useState<string>();
  return (
    <div>
      <ErrorNote error={variables.error} />
      {variables.data && variables.data.length === 0 && <p className="muted">No variables yet.</p>}
      {variables.data && variables.data.length > 0 && (
        <table className="variables">
          <thead>
            <tr>
              <th>name</th>
              <th>value</th>
              <th>description</th>
              {user.admin && <th />}
            </tr>
          </thead>
          <tbody>
            {variables.data.map((v) => (
              <tr key={v.name} data-variable={v.name}>
                <td>
                  <code>{v.name}</code>{' '}
                  {v.is_secret && <span className="badge badge-idle">secret</span>}
                </td>
                <td>
                  <code>{v.value}</code>
                </td>
                <td>{v.description}</td>
                {user.admin && (
                  <td className="row-actions">
                    <NewValue variable={v} onSaved={variables.reload} />
                    {v.is_secret && (
                      <button type="button" onClick={() => setUsersOf(v.name)}>
                        Who may use
                      </button>
                    )}
                    <ActionButton
                      label="Delete"
                      className="danger"
                      confirm={`Delete the variable ${v.name}? Executions using [[${v.name}]] will fail.`}
                      action={async () => {
                        await api.write('DeleteVariable', { name: v.name });
                        variables.reload();
                      }}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {user.admin && <NewVariable onCreated={variables.reload} />}
      {usersOf && <VariableUsersDialog name={usersOf} onClose={() => setUsersOf(undefined)} />}
    </div>
  );
}

function NewValue({ variable, onSaved }: { variable: VariableAnswer; onSaved(): void }) {
  const { api } = useSession();
  const [value, setValue] = useState<string>();
  const [error, setError] = useState<unknown>();
  if (value === undefined)
    return (
      <button type="button" onClick={() => setValue('')}>
        New value
      </button>
    );
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const params: UpdateVariableValueDto = { name: variable.name, value };
      await api.write('UpdateVariableValue', params);
      setValue(undefined);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void save(e)}>
      <input
        aria-label={`New value of ${variable.name}`}
        type={variable.is_secret ? 'password' : 'text'}
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit">Save</button>
      <button type="button" onClick={() => setValue(undefined)}>
        Cancel
      </button>
      <ErrorNote error={error} />
    </form>
  );
}

function NewVariable({ onCreated }: { onCreated(): void }) {
  const { api } = useSession();
  const [form, setForm] = useState<Required<CreateVariableDto>>({
    name: '',
    value: '',
    description: '',
    is_secret: false,
  });
  const [error, setError] = useState<unknown>();
  const set = (change: Partial<CreateVariableDto>) => setForm((f) => ({ ...f, ...change }));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.write('CreateVariable', form);
      setForm({ name: '', value: '', description: '', is_secret: false });
      onCreated();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form className="inline-form" onSubmit={(e) => void create(e)} aria-label="New variable">
      <input
        aria-label="Name"
        placeholder="NAME"
        value={form.name}
        required
        onChange={(e) => set({ name: e.target.value })}
      />
      <input
        aria-label="Value"
        placeholder="value"
        type={form.is_secret ? 'password' : 'text'}
        autoComplete="off"
        value={form.value}
        onChange={(e) => set({ value: e.target.value })}
      />
      <input
        aria-label="Description"
        placeholder="description"
        value={form.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={form.is_secret}
          onChange={(e) => set({ is_secret: e.target.checked })}
        />{' '}
        secret
      </label>
      <button type="submit">Create variable</button>
      <ErrorNote error={error} />
    </form>
  );
}
