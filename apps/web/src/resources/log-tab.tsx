import { useEffect, useRef, useState } from 'react';
import type { GetDeploymentLogDto, SearchDeploymentLogDto } from '@monitor/contracts';
import { useSession } from '../api/session';
import type { ExecutionLog, ResourceKind } from '../api/types';
import { useRequest } from '../api/use-request';
import { useVisibleTick } from '../api/use-visible-tick';
import { ErrorNote } from '../components/error-note';

/** What a log read answers of Komodo's Log: its output. */
type Log = Pick<ExecutionLog, 'stdout' | 'stderr'>;

const TAILS = [100, 500, 2000];
const FOLLOW_MS = 2000;

/** The requests reading a kind's container logs, where there are some. */
export const LOG_REQUESTS: Partial<Record<ResourceKind, { get: string; search?: string }>> = {
  Deployment: { get: 'GetDeploymentLog', search: 'SearchDeploymentLog' },
  Stack: { get: 'GetStackLog', search: 'SearchStackLog' },
};

/**
 * The container's log as the agent answers it, secrets masked by the gateway: the last lines,
 * or the lines matching every search term. Follow reads again every two seconds while the tab
 * is visible, and keeps the newest lines in view.
 */
export function LogTab({ kind, param, id }: { kind: ResourceKind; param: string; id: string }) {
  const { api } = useSession();
  const requests = LOG_REQUESTS[kind];
  const [tail, setTail] = useState(TAILS[0]);
  const [search, setSearch] = useState('');
  const [follow, setFollow] = useState(false);
  const tick = useVisibleTick(follow ? FOLLOW_MS : undefined);
  const terms = search.split(/\s+/).filter(Boolean);
  const stdout = useRef<HTMLPreElement>(null);

  const log = useRequest(() => {
    if (!requests) return Promise.resolve<Log>({ stdout: '', stderr: '' });
    if (terms.length && requests.search) {
      const params: Omit<SearchDeploymentLogDto, 'deployment'> = { terms, combinator: 'And' };
      return api.read<Log>(requests.search, { [param]: id, ...params });
    }
    const params: Omit<GetDeploymentLogDto, 'deployment'> = { tail };
    return api.read<Log>(requests.get, { [param]: id, ...params });
  }, [api, id, tail, terms.join(' '), tick]);

  useEffect(() => {
    const pre = stdout.current;
    if (follow && pre) pre.scrollTop = pre.scrollHeight;
  }, [follow, log.data]);

  return (
    <div className="log">
      <div className="buttons">
        <label className="inline">
          Last{' '}
          <select value={tail} onChange={(e) => setTail(Number(e.target.value))} aria-label="Lines">
            {TAILS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>{' '}
          lines
        </label>
        {requests?.search && (
          <input
            type="search"
            className="search"
            placeholder="Lines containing every word"
            aria-label="Search the log"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        )}
        <label className="inline">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />{' '}
          Follow
        </label>
        <button type="button" onClick={log.reload}>
          Refresh
        </button>
      </div>
      <ErrorNote error={log.error} />
      {log.data && (
        <>
          <pre className="stdout" aria-label="stdout" ref={stdout}>
            {log.data.stdout || '(no output)'}
          </pre>
          {log.data.stderr && (
            <pre className="stderr" aria-label="stderr">
              {log.data.stderr}
            </pre>
          )}
        </>
      )}
    </div>
  );
}
