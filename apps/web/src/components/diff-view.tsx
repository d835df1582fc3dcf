import { showValue, type FieldDiff } from '../config/diff';

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
              <pre>{showValue(from)}</pre>
            </td>
            <td className="added">
              <pre>{showValue(to)}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
