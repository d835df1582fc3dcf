import { useState, type FormEvent } from 'react';
import type {
  RenameResourceDto,
  UpdateDescriptionDto,
  UpdateTagsOnResourceDto,
} from '@monitor/contracts';
import { useSession } from '../api/session';
import type { KindResource, KindSpec } from '../kinds';
import { useTags } from '../api/use-tags';
import { TagChip } from '../components/tag-chip';
import { Dialog } from '../components/dialog';
import { ErrorNote } from '../components/error-note';

/** Description and tags under the name, and, with Write, a dialog to change them and the name. */
export function ResourceMeta(props: {
  spec: KindSpec;
  resource: KindResource;
  canWrite: boolean;
  onSaved(): void;
}) {
  const { spec, resource, canWrite, onSaved } = props;
  const tags = useTags();
  const [editing, setEditing] = useState(false);
  return (
    <div className="meta">
      {resource.description && <p className="description">{resource.description}</p>}
      {resource.tags.length > 0 && (
        <p className="tag-list">
          {resource.tags.map((id) => (
            <TagChip key={id} name={tags.names.get(id) ?? id} color={tags.byId.get(id)?.color} />
          ))}
        </p>
      )}
      {canWrite && (
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Rename, describe, tag
        </button>
      )}
      {editing && (
        <MetaDialog
          spec={spec}
          resource={resource}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      )}
    </div>
  );
}

function MetaDialog(props: {
  spec: KindSpec;
  resource: KindResource;
  onClose(): void;
  onSaved(): void;
}) {
  const { spec, resource, onClose, onSaved } = props;
  const { api } = useSession();
  const tags = useTags();
  const [name, setName] = useState(resource.name);
  const [description, setDescription] = useState(resource.description);
  const [chosen, setChosen] = useState(new Set(resource.tags));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const target = { type: spec.kind, id: resource._id.$oid };

  // Each part is its own request and its own event; only what changed is sent.
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (name !== resource.name) {
        const params: RenameResourceDto = { id: target.id, name };
        await api.write(spec.requests.rename, params);
      }
      if (description !== resource.description) {
        const params: UpdateDescriptionDto = { target, description };
        await api.write('UpdateDescription', params);
      }
      const tagIds = [...chosen];
      if (
        tagIds.length !== resource.tags.length ||
        tagIds.some((t) => !resource.tags.includes(t))
      ) {
        const params: UpdateTagsOnResourceDto = { target, tags: tagIds };
        await api.write('UpdateTagsOnResource', params);
      }
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Dialog title={`${spec.kind} ${resource.name}`} onClose={onClose}>
      <form className="stacked" onSubmit={(e) => void save(e)}>
        <label htmlFor="meta-name">Name</label>
        <input id="meta-name" value={name} required onChange={(e) => setName(e.target.value)} />
        <label htmlFor="meta-description">Description</label>
        <textarea
          id="meta-description"
          value={description}
          rows={3}
          onChange={(e) => setDescription(e.target.value)}
        />
        <fieldset className="tag-choices">
          <legend>Tags</legend>
          {(tags.data ?? []).length === 0 && (
            <span className="muted">No tags yet: create them in Settings.</span>
          )}
          {(tags.data ?? []).map((t) => (
            <label key={t._id.$oid} className="inline">
              <input
                type="checkbox"
                checked={chosen.has(t._id.$oid)}
                onChange={(e) => toggle(t._id.$oid, e.target.checked)}
              />{' '}
              {t.name}
            </label>
          ))}
        </fieldset>
        <ErrorNote error={error ?? tags.error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
