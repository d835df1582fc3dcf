import type { Update } from '@monitor/contracts';
import { Link } from '../router';
import { childUpdateIds, parentUpdateId } from './run-links';

/** A procedure run's child Updates, and the run a child belongs to, as links. */
export function RunLinks({ update }: { update: Pick<Update, 'logs' | 'other_data'> }) {
  const parent = parentUpdateId(update.other_data);
  const children = childUpdateIds(update.logs);
  if (!parent && children.length === 0) return null;
  return (
    <nav className="run-links" aria-label="Related Updates">
      {parent && <Link to={`/updates/${parent}`}>Part of run {parent} →</Link>}
      {children.length > 0 && (
        <ul>
          {children.map((id) => (
            <li key={id}>
              <Link to={`/updates/${id}`}>Child Update {id}</Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
