import { showValue, type FieldDiff } from '../config/diff';
import { SECRETS } from '../config/field-inputs';

/** Each changed field with its value before and after. */
export function DiffView({
  changes,
  before = 'before',
  after = 'after',
}: {
  changes: FieldDiff[];
  before?: string;
  after?: string;
}) {
  if (!changes.length) return <p className="muted">No differences.</p>;
  return (
    <table className="diff">
      <thead>
        <tr>
          <th>field</th>
          <th>{before}</th>
          <th>{after}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map(({ field, from, to }) => (
          <tr key={field} data-field={field}>
            <th scope="row">{field}</th>
            <td className="removed">
              <pre>{shown(field, from)}</pre>
            </td>
            <td className="added">
              <pre>{shown(field, to)}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A secret typed into the form is not shown again, not even in the review. */
function shown(field: string, value: unknown): string {
  return SECRETS.has(field) && value ? '*****' : showValue(value);
}
