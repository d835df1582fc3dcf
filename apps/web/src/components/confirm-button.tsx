import { useState } from 'react';
import { Dialog } from './dialog';
import { ErrorNote } from './error-note';

interface Props {
  label: string;
  /** When set, asked before acting; the action runs only on "Yes". */
  confirm?: string;
  className?: string;
  /** Why it cannot be used now; the button is disabled and says so on hover. */
  unavailable?: string;
  action(): Promise<unknown>;
}

/** A button for a request: busy while it runs, its error shown beside it (or in its dialog). */
export function ActionButton({ label, confirm, className, unavailable, action }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setAsking(false);
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
        className={className}
        disabled={busy || unavailable !== undefined}
        title={unavailable}
        onClick={() => (confirm ? setAsking(true) : void run())}
      >
        {label}
      </button>
      {asking ? (
        <Dialog title={label} onClose={() => setAsking(false)}>
          <p>{confirm}</p>
          <ErrorNote error={error} />
          <div className="buttons">
            <button type="button" className="danger" disabled={busy} onClick={() => void run()}>
              Yes, {label.toLowerCase()}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : (
        <ErrorNote error={error} />
      )}
    </span>
  );
}
