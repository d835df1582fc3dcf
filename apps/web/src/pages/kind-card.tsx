import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import type { KindSpec } from '../kinds';
import { Link } from '../router';
import { StateSummary } from './state-summary';

/**
 * A kind's count on the dashboard, and for kinds with an observed state how many are in each:
 * `Get<Kinds>Summary`, read again when an Update or an observed change concerns the kind (for
 * servers, alerts too: an open one makes a healthy server a warning).
 */
export function KindCard({ spec }: { spec: KindSpec }) {
  const { api } = useSession();
  const version = useLiveVersion({
    update: (u) => u.target.type === spec.kind,
    observed: (c) => c.kind === spec.kind || (spec.kind === 'Server' && c.kind === 'Alert'),
  });
  const summary = useRequest(() => api.read(spec.requests.summary), [api, spec, version]);
  const { total, ...states } = summary.data ?? { total: 0 };
  return (
    <Link to={`/${spec.slug}`} className="card">
      <span className="count" data-kind={spec.kind}>
        {summary.data ? total : '…'}
      </span>
      <span>{spec.plural}</span>
      {spec.observed && total > 0 && <StateSummary counts={states} />}
      <ErrorNote error={summary.error} />
    </Link>
  );
}
