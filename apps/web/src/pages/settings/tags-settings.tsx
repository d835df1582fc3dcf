import { useState, type FormEvent } from 'react';
import type { CreateTagDto, DeleteTagDto, UpdateTagColorDto } from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useTags } from '../../api/use-tags';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';
import { TagChip } from '../../components/tag-chip';
import { TAG_COLOR_NAMES } from '../../tag-colors';

/** Tags: any user may create one and pick its colour; deleting one removes it everywhere. */
export function TagsSettings() {
  const { api } = useSession();
  const tags = useTags();
  const [name, setName] = useState('');
  const [color, setColor] = useState('Slate');
  const [error, setError] = useState<unknown>();
  const [colorFailed, setColorFailed] = useState<{ tag: string; error: unknown }>();

  const recolor = async (tag: string, to: string) => {
    setColorFailed(undefined);
    try {
      const params: UpdateTagColorDto = { tag, color: to };
      await api.write('UpdateTagColor', params);
      tags.reload();
    } catch (e) {
      setColorFailed({ tag, error: e });
    }
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const params: CreateTagDto = { name, color };
      await api.write('CreateTag', params);
      setName('');
      tags.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div>
      <ErrorNote error={tags.error} />
      {tags.data && tags.data.length === 0 && <p className="muted">No tags yet.</p>}
      {tags.data && tags.data.length > 0 && (
        <table>
          <tbody>
            {tags.data.map((t) => (
              <tr key={t._id.$oid} data-tag={t.name}>
                <td>
                  <TagChip name={t.name} color={t.color} />
                </td>
                <td>
                  <ColorSelect
                    label={`${t.name} colour`}
                    value={t.color ?? 'Slate'}
                    onChange={(to) => void recolor(t._id.$oid, to)}
                  />
                  {colorFailed?.tag === t._id.$oid && <ErrorNote error={colorFailed.error} />}
                </td>
                <td className="row-actions">
                  <ActionButton
                    label="Delete"
                    className="danger"
                    confirm={`Delete the tag '${t.name}'? It is removed from every resource.`}
                    action={async () => {
                      const params: DeleteTagDto = { id: t._id.$oid };
                      await api.write('DeleteTag', params);
                      tags.reload();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={(e) => void create(e)}>
        <label htmlFor="new-tag">New tag</label>
        <input id="new-tag" value={name} required onChange={(e) => setName(e.target.value)} />
        <ColorSelect label="New tag colour" value={color} onChange={setColor} />
        <button type="submit">Create tag</button>
        <ErrorNote error={error} />
      </form>
    </div>
  );
}

function ColorSelect(props: { label: string; value: string; onChange(color: string): void }) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {TAG_COLOR_NAMES.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}
