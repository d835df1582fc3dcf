import { useMemo, useState } from 'react';
import type { UpdateResourceDto } from '@monitor/contracts';
import { useSession } from '../api/session';
import type { KindResource, KindSpec } from '../kinds';
import { DiffView } from '../components/diff-view';
import { ErrorNote } from '../components/error-note';
import { ConfigForm } from '../config/config-form';
import { configChanges, fieldsOf, patchOf, type Config } from '../config/diff';
import { REFERENCE_KINDS } from '../config/references';
import { useProviderOptions } from '../config/use-provider-options';
import { variantPatch } from '../config/variants';

interface Props {
  spec: KindSpec;
  resource: KindResource;
  canWrite: boolean;
  onSaved(): void;
}

/**
 * The config as a form. Edits are reviewed as a diff before they are saved; only the changed
 * fields are sent, as the gateway records them.
 */
export function ConfigTab({ spec, resource, canWrite, onSaved }: Props) {
  const { api } = useSession();
  const config = useMemo(() => fieldsOf(resource.config), [resource.config]);
  const [edited, setEdited] = useState<Config>(config);
  const [reviewing, setReviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const changes = configChanges(config, edited);
  const providers = useProviderOptions();

  // A change from elsewhere (another user, a live refresh) shows when there is nothing pending,
  // and the config read after a save replaces what was saved: the gateway answers it completed
  // (a new variant's params) and masked (a secret as *****), which is no pending change.
  // Adjusted while rendering, so the form never shows the old config against the new one.
  const [shownConfig, setShownConfig] = useState(config);
  const [justSaved, setJustSaved] = useState(false);
  if (shownConfig !== config) {
    setShownConfig(config);
    setJustSaved(false);
    if (justSaved || !configChanges(config, edited).length) setEdited(config);
  }

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const patch = variantPatch(spec.kind, config, patchOf(changes));
      const params: UpdateResourceDto = { id: resource._id.$oid, config: patch };
      await api.write(spec.requests.update, params);
      setJustSaved(true);
      setReviewing(false);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setEdited(config);
    setReviewing(false);
    setError(undefined);
  };

  if (reviewing) {
    return (
      <div className="review">
        <h2>Pending changes</h2>
        <DiffView changes={changes} before="now" after="after saving" />
        <ErrorNote error={error} />
        <div className="buttons">
          <button
            type="button"
            className="primary"
            disabled={saving || !changes.length}
            onClick={() => void save()}
          >
            Save {countOf(changes.length)}
          </button>
          <button type="button" onClick={() => setReviewing(false)}>
            Back to editing
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      {canWrite && (
        <div className="buttons sticky">
          <button
            type="button"
            className="primary"
            disabled={!changes.length}
            onClick={() => setReviewing(true)}
          >
            {changes.length ? `Review ${countOf(changes.length)}` : 'Review changes'}
          </button>
          <button type="button" disabled={!changes.length} onClick={discard}>
            Discard
          </button>
        </div>
      )}
      {!canWrite && <p className="muted">You may read this config; changing it needs Write.</p>}
      <ConfigForm
        kind={spec.kind}
        config={edited}
        readOnly={!canWrite}
        references={REFERENCE_KINDS}
        providers={providers}
        onChange={canWrite ? setEdited : undefined}
      />
    </div>
  );
}

function countOf(n: number): string {
  return `${n} ${n === 1 ? 'change' : 'changes'}`;
}
