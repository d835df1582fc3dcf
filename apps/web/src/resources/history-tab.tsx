import { useState } from 'react';
import type {
  FieldChange,
  GetResourceAtDto,
  GetResourceHistoryDto,
  HistoryEntry,
} from '@monitor/contracts';
import { useSession } from '../api/session';
import { useUserName } from '../api/user-names';
import type { KindResource, KindSpec } from '../kinds';
import { useRequest } from '../api/use-request';
import { DiffView } from '../components/diff-view';
import { ErrorNote } from '../components/error-note';
import { Time } from '../components/time';
import { ConfigForm } from '../config/config-form';
import { configChanges, fieldsOf, showValue, type FieldDiff } from '../config/diff';
import { REFERENCE_KINDS } from '../config/references';
import { useProviderOptions } from '../config/use-provider-options';
import { HistoryOrigin } from './history-origin';

interface Props {
  spec: KindSpec;
  resource: KindResource;
  version: number;
}

/**
 * The resource's own events as a timeline, newest first: who changed what, when and through
 * which path. Any revision opens read-only, diffed against the config of now.
 */
export function HistoryTab({ spec, resource, version }: Props) {
  const { api } = useSession();
  const target = { type: spec.kind, id: resource._id.$oid };
  const history = useRequest(() => {
    const params: GetResourceHistoryDto = { target };
    return api.read('GetResourceHistory', params);
  }, [api, target.id, version]);
  const [open, setOpen] = useState<number>();
  const userName = useUserName();

  return (
    <div className="history">
      <ErrorNote error={history.error} />
      {open !== undefined && (
        <RevisionView
          spec={spec}
          resource={resource}
          revision={open}
          onClose={() => setOpen(undefined)}
        />
      )}
      <ol className="timeline">
        {[...(history.data ?? [])].reverse().map((entry) => (
          <li key={entry.revision} data-revision={entry.revision}>
            <div className="timeline-head">
              <strong>{entry.type}</strong> <span className="muted">revision {entry.revision}</span>
              <span className="muted">
                {' '}
                by {userName(entry.user)} via {entry.via} · <Time ms={entry.at} />
              </span>
              <HistoryOrigin origin={entry.origin} />
              <button type="button" className="link" onClick={() => setOpen(entry.revision)}>
                View revision {entry.revision}
              </button>
            </div>
            <EntryDetail entry={entry} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function EntryDetail({ entry }: { entry: HistoryEntry }) {
  if (!entry.diff) return null;
  if (entry.type.endsWith('ConfigUpdated')) {
    const changes: FieldDiff[] = Object.entries(entry.diff as Record<string, FieldChange>).map(
      ([field, { from, to }]) => ({ field, from, to }),
    );
    return <DiffView changes={changes} />;
  }
  return <pre className="event-data">{showValue(entry.diff)}</pre>;
}

/** One revision, read-only, and how the config has changed since. */
function RevisionView(props: {
  spec: KindSpec;
  resource: KindResource;
  revision: number;
  onClose(): void;
}) {
  const { spec, resource, revision, onClose } = props;
  const { api } = useSession();
  const providers = useProviderOptions();
  const old = useRequest(() => {
    const params: GetResourceAtDto = {
      target: { type: spec.kind, id: resource._id.$oid },
      revision,
    };
    return api.read('GetResourceAt', params);
  }, [api, resource._id.$oid, revision]);

  return (
    <section className="revision" aria-label={`Revision ${revision}`}>
      <header className="page-header">
        <h2>
          Revision {revision}{' '}
          {old.data?.deleted && <span className="badge badge-bad">deleted</span>}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorNote error={old.error} />
      {old.data && (
        <>
          <h3>Changed since</h3>
          <DiffView
            changes={configChanges(old.data.config, fieldsOf(resource.config))}
            before={`revision ${revision}`}
            after="now"
          />
          <h3>
            Config of {old.data.name} at revision {revision}
          </h3>
          <ConfigForm
            kind={spec.kind}
            config={old.data.config}
            references={REFERENCE_KINDS}
            providers={providers}
            readOnly
          />
        </>
      )}
    </section>
  );
}
