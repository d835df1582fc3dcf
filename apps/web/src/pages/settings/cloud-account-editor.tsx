import { useState, type FormEvent } from 'react';
import { useSession } from '../../api/session';
import { ErrorNote } from '../../components/error-note';
import {
  CLOUD_PROVIDERS,
  CREDENTIAL_FIELDS,
  createParams,
  emptyCloudAccountForm,
  updateParams,
  type CloudAccountForm,
  type CloudProvider,
} from './cloud-account-form';

interface Props {
  /** The account to update; a new one is created without it. */
  account?: { id: string; name: string; provider: CloudProvider; credentials_set: string[] };
  onSaved(): void;
  onCancel?(): void;
}

/**
 * A new cloud account, or changes to one. Credentials are only ever typed: the inputs start
 * empty, and in an update a blank one keeps the stored value. The provider is fixed once made.
 */
export function CloudAccountEditor({ account, onSaved, onCancel }: Props) {
  const { api } = useSession();
  const [form, setForm] = useState<CloudAccountForm>(() =>
    account
      ? { ...emptyCloudAccountForm(account.provider), name: account.name }
      : emptyCloudAccountForm(),
  );
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      if (account) await api.write('UpdateCloudAccount', updateParams(account, form));
      else await api.write('CreateCloudAccount', createParams(form));
      setForm(emptyCloudAccountForm(form.provider));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const label = account ? `Edit cloud account ${account.name}` : 'New cloud account';
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={label}>
      <h3>{label}</h3>
      <input
        aria-label="Name"
        placeholder="name"
        required
        value={form.name}
        onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
      />
      <select
        aria-label="Provider"
        value={form.provider}
        disabled={account !== undefined}
        onChange={(e) => setForm(emptyCloudAccountFormKeepingName(form, e.target.value))}
      >
        {CLOUD_PROVIDERS.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      {CREDENTIAL_FIELDS[form.provider].map(({ field, label: fieldLabel }) => (
        <input
          key={field}
          aria-label={fieldLabel}
          placeholder={
            account?.credentials_set.includes(field) ? `${fieldLabel} (blank keeps it)` : fieldLabel
          }
          type="password"
          autoComplete="new-password"
          value={form.credentials[field] ?? ''}
          onChange={(e) =>
            setForm((f) => ({ ...f, credentials: { ...f.credentials, [field]: e.target.value } }))
          }
        />
      ))}
      <button type="submit" disabled={busy}>
        {account ? 'Save account' : 'Create account'}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {account && (
        <p className="help">A credential left blank keeps the value stored; none is ever shown.</p>
      )}
      <ErrorNote error={error} />
    </form>
  );
}

/** Another provider has other credentials: what was typed for the first is dropped. */
function emptyCloudAccountFormKeepingName(
  form: CloudAccountForm,
  provider: string,
): CloudAccountForm {
  const next = CLOUD_PROVIDERS.find((p) => p === provider) ?? form.provider;
  return { ...emptyCloudAccountForm(next), name: form.name };
}
