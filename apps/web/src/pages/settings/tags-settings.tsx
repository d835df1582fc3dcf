import { useState, type FormEvent } from 'react';
import type { CreateTagDto, DeleteTagDto } from '@monitor/contracts';
import { useSession } from '../../api/session';
import { useTags } from '../../api/use-tags';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';

/** Tags: any user may create one; deleting one also removes it from every resource. */
export function TagsSettings() {
  const { api } = useSession();
  const tags = useTags();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const params: CreateTagDto = { name };
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
                <td>{t.name}</td>
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
        <button type="submit">Create tag</button>
        <ErrorNote error={error} />
      </form>
    </div>
  );
}
