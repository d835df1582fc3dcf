import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/dialog';
import { ErrorNote } from '../components/error-note';

interface Props {
  label: string;
  /** What is asked (the new Server's name); required. */
  prompt: string;
  action(answer: string): Promise<unknown>;
}

/** A button for an execution that needs a value first: asked in a dialog, refusals shown there. */
export function PromptButton({ label, prompt, action }: Props) {
  const [answer, setAnswer] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const close = () => {
    setAnswer(undefined);
    setError(undefined);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action(answer ?? '');
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="action">
      <button type="button" onClick={() => setAnswer('')}>
        {label}
      </button>
      {answer !== undefined && (
        <Dialog title={label} onClose={close}>
          <form onSubmit={(e) => void submit(e)}>
            <label>
              {prompt} <input required value={answer} onChange={(e) => setAnswer(e.target.value)} />
            </label>
            <ErrorNote error={error} />
            <div className="buttons">
              <button type="submit" className="primary" disabled={busy}>
                {label}
              </button>
              <button type="button" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </span>
  );
}
