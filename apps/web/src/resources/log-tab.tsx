import { useEffect, useRef, useState } from 'react';
import type { AnswerOf, ResourceKind } from '@monitor/contracts';
import type { ApiClient } from '../api/client';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { useVisibleTick } from '../api/use-visible-tick';
import { ErrorNote } from '../components/error-note';

/** Komodo's Log, as every log read answers it. */
type Log = AnswerOf<'read', 'GetDeploymentLog'>;

const TAILS = [100, 500, 2000];
const FOLLOW_MS = 2000;

/** A kind's log reads: the last lines, and the lines matching every term. */
interface LogReads {
  tail(api: ApiClient, id: string, tail: number): Promise<Log>;
  search(api: ApiClient, id: string, terms: string[]): Promise<Log>;
}

/** The requests reading a kind's container logs, where there are some. */
export const LOG_REQUESTS: Partial<Record<ResourceKind, LogReads>> = {
  Deployment: {
    tail: (api, deployment, tail) => api.read('GetDeploymentLog', { deployment, tail }),
    search: (api, deployment, terms) =>
      api.read('SearchDeploymentLog', { deployment, terms, combinator: 'And' }),
  },
  Stack: {
    tail: (api, stack, tail) => api.read('GetStackLog', { stack, tail }),
    search: (api, stack, terms) => api.read('SearchStackLog', { stack, terms, combinator: 'And' }),
  },
};

/**
 * The container's log as the agent answers it, secrets masked by the gateway: the last lines,
 * or the lines matching every search term. Follow reads again every two seconds while the tab
 * is visible, and keeps the newest lines in view.
 */
export function LogTab({ kind, id }: { kind: ResourceKind; id: string }) {
  const { api } = useSession();
  const requests = LOG_REQUESTS[kind];
  const [tail, setTail] = useState(TAILS[0]);
  const [search, setSearch] = useState('');
  const [follow, setFollow] = useState(false);
  const tick = useVisibleTick(follow ? FOLLOW_MS : undefined);
  const terms = search.split(/\s+/).filter(Boolean);
  const stdout = useRef<HTMLPreElement>(null);

  const log = useRequest(() => {
    if (!requests) return Promise.resolve(undefined);
    return terms.length ? requests.search(api, id, terms) : requests.tail(api, id, tail);
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
        {requests && (
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
