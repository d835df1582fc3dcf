import { useState } from 'react';
import type { RunSyncDto } from '@monitor/contracts';
import { Dialog } from '../components/dialog';
import { ErrorNote } from '../components/error-note';

/**
 * Run: RunSync with the plan shown (`pending_hash`), so a plan that changed since is refused
 * (the gateway's 409 shown here). A plan with many deletes asks for their number typed back,
 * sent as `confirm_deletes`.
 */
export function RunSyncButton(props: {
  summary: string;
  pendingHash: string;
  /** The deletes to type back; none: not asked. */
  deletes?: number;
  unavailable?: string;
  run(params: Omit<RunSyncDto, 'sync'>): Promise<unknown>;
}) {
  const { summary, pendingHash, deletes, unavailable, run } = props;
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const confirmed = deletes === undefined || typed.trim() === String(deletes);

  const close = () => {
    setAsking(false);
    setTyped('');
    setError(undefined);
  };
  const go = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await run({
        pending_hash: pendingHash,
        ...(deletes === undefined ? {} : { confirm_deletes: Number(typed.trim()) }),
      });
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="action">
      <button
        type="button"
        className="primary"
        disabled={unavailable !== undefined}
        title={unavailable}
        onClick={() => setAsking(true)}
      >
        Run Sync
      </button>
      {asking && (
        <Dialog title="Run Sync" onClose={close}>
          <p>Apply the plan shown: {summary}</p>
          <p className="muted">
            Each change is made as your own request; a plan that changed since it was shown is
            refused.
          </p>
          {deletes !== undefined && (
            <label className="field">
              This run deletes {deletes}. Type {deletes} to confirm the deletes.
              <input
                aria-label="deletes to confirm"
                inputMode="numeric"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
            </label>
          )}
          <ErrorNote error={error} />
          <div className="buttons">
            <button
              type="button"
              className="danger"
              disabled={busy || !confirmed}
              onClick={() => void go()}
            >
              Yes, run sync
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </span>
  );
}
