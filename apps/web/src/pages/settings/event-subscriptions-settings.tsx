import { useState, type FormEvent } from 'react';
import type { AnswerOf } from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useRequest } from '../../api/use-request';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';
import { EventSubscriptionDeliveries } from './event-subscription-deliveries';
import {
  createParams,
  describeFilter,
  emptyEventSubscriptionForm,
  type EventSubscriptionForm,
} from './event-subscription-form';

type Subscription = AnswerOf<'read', 'ListEventSubscriptions'>[number];

const FIELDS: { field: keyof EventSubscriptionForm; label: string; placeholder: string }[] = [
  { field: 'name', label: 'Name', placeholder: 'name' },
  { field: 'url', label: 'URL', placeholder: 'https://…' },
  { field: 'kinds', label: 'Kinds', placeholder: 'kinds (Deployment, Stack…)' },
  { field: 'resources', label: 'Resources', placeholder: 'resources (names or ids)' },
  { field: 'types', label: 'Event types', placeholder: 'event types (AlertOpened…)' },
  { field: 'tags', label: 'Tags', placeholder: 'tags' },
];

/**
 * Outgoing webhooks (admins only): each event the filter takes is POSTed to the url, signed
 * with the secret. The secret is only ever typed; the list says that one is set.
 */
export function EventSubscriptionsSettings() {
  const { api } = useSession();
  const subscriptions = useRequest(() => api.read('ListEventSubscriptions', {}), [api]);
  return (
    <div>
      <ErrorNote error={subscriptions.error} />
      {subscriptions.data && subscriptions.data.length === 0 && (
        <p className="muted">No webhooks yet: events go nowhere outside Monitor.</p>
      )}
      {subscriptions.data && subscriptions.data.length > 0 && (
        <table className="accounts">
          <thead>
            <tr>
              <th>name</th>
              <th>url</th>
              <th>filter</th>
              <th>last delivery</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {subscriptions.data.map((s) => (
              <SubscriptionRow key={s.id} subscription={s} onChanged={subscriptions.reload} />
            ))}
          </tbody>
        </table>
      )}
      <NewSubscription onSaved={subscriptions.reload} />
    </div>
  );
}

function SubscriptionRow({
  subscription: s,
  onChanged,
}: {
  subscription: Subscription;
  onChanged(): void;
}) {
  const { api } = useSession();
  const [open, setOpen] = useState(false);
  const last = s.last_delivery;
  return (
    <>
      <tr data-event-subscription={s.name}>
        <td>
          {s.name}
          {!s.enabled && <span className="muted"> (disabled)</span>}
        </td>
        <td>{s.url}</td>
        <td>{describeFilter(s.filter)}</td>
        <td data-delivery-state={last?.state ?? 'none'}>
          {last ? `${last.state} (${last.event_type}, ${last.attempts} tries)` : 'none yet'}
          {s.health === 'Failing' && <span className="danger"> Failing</span>}
          {last?.last_error && <div className="muted">{last.last_error}</div>}
        </td>
        <td className="row-actions">
          <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            Deliveries
          </button>
          <ActionButton
            label={s.enabled ? 'Disable' : 'Enable'}
            action={async () => {
              await api.write('UpdateEventSubscription', { id: s.id, enabled: !s.enabled });
              onChanged();
            }}
          />
          <ActionButton
            label="Delete"
            className="danger"
            confirm={`Delete the webhook ${s.name}? Its pending deliveries are given up.`}
            action={async () => {
              await api.write('DeleteEventSubscription', { id: s.id });
              onChanged();
            }}
          />
        </td>
      </tr>
      {open && (
        <tr data-event-subscription-deliveries={s.name}>
          <td colSpan={5}>
            <EventSubscriptionDeliveries subscription={s.id} />
          </td>
        </tr>
      )}
    </>
  );
}

function NewSubscription({ onSaved }: { onSaved(): void }) {
  const { api } = useSession();
  const [form, setForm] = useState(emptyEventSubscriptionForm);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await api.write('CreateEventSubscription', createParams(form));
      setForm(emptyEventSubscriptionForm());
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="New webhook">
      <h3>New webhook</h3>
      {FIELDS.map(({ field, label, placeholder }) => (
        <input
          key={field}
          aria-label={label}
          placeholder={placeholder}
          required={field === 'name' || field === 'url'}
          value={form[field]}
          onChange={(e) => setForm((f) => ({ ...f, [field]: e.target.value }))}
        />
      ))}
      <input
        aria-label="Secret"
        placeholder="secret (signs each delivery)"
        type="password"
        autoComplete="new-password"
        required
        value={form.secret}
        onChange={(e) => setForm((f) => ({ ...f, secret: e.target.value }))}
      />
      <button type="submit" disabled={busy}>
        Create webhook
      </button>
      <p className="help">
        Each delivery carries X-Monitor-Signature: sha256=HMAC-SHA256 of the body under the secret.
        Lists are comma separated; an empty filter takes every event.
      </p>
      <ErrorNote error={error} />
    </form>
  );
}
