import { Fragment, useState } from 'react';
import type { ResourceKind } from '@monitor/contracts';

/** The actions a git push may start, per kind, as the gateway's `/listener/` routes name them. */
const ACTIONS: Partial<Record<ResourceKind, readonly (string | undefined)[]>> = {
  Stack: ['refresh', 'deploy'],
  Repo: ['clone', 'pull', 'build'],
  Build: [undefined],
  ResourceSync: ['refresh', 'sync'],
};

/** The kind's segment in the route, where it is not the kind's name in lower case. */
const SEGMENTS: Partial<Record<ResourceKind, string>> = { ResourceSync: 'sync' };

const PROVIDERS = ['github', 'gitlab'] as const;

export function hasWebhooks(kind: ResourceKind): boolean {
  return ACTIONS[kind] !== undefined;
}

/**
 * The URLs to give the git host for this resource's webhooks (Komodo's
 * `/listener/<provider>/<kind>/<id>[/<action>]`), on the address this page was opened at.
 */
export function WebhookUrls({ kind, id }: { kind: ResourceKind; id: string }) {
  const [provider, setProvider] = useState<(typeof PROVIDERS)[number]>('github');
  const actions = ACTIONS[kind];
  if (!actions) return null;
  const base = `${window.location.origin}/listener/${provider}/${SEGMENTS[kind] ?? kind.toLowerCase()}/${id}`;
  return (
    <section className="webhooks" aria-label="Webhooks">
      <h2>
        Webhooks{' '}
        <select
          aria-label="Git provider"
          value={provider}
          onChange={(e) => setProvider(e.target.value as typeof provider)}
        >
          {PROVIDERS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </h2>
      <dl className="facts">
        {actions.map((action) => (
          <Fragment key={action ?? 'build'}>
            <dt>{action ?? 'build'}</dt>
            <dd>
              <code data-webhook={action ?? 'build'}>{action ? `${base}/${action}` : base}</code>
            </dd>
          </Fragment>
        ))}
      </dl>
      <p className="muted">
        Signed with the webhook_secret below, or the core's; refused while webhook_enabled is off.
      </p>
    </section>
  );
}
