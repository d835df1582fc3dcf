import { useState } from 'react';
import { useSession } from '../api/session';
import { ActionButton } from '../components/confirm-button';
import { Link } from '../router';

type Runnable = 'Procedure' | 'Action';

function updateIdOf(answer: unknown): string | undefined {
  const id = (answer as { _id?: { $oid?: unknown } } | null)?._id?.$oid;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Run (an Action with its optional args, as JSON) and Cancel; the run's Update is followed live
 * on its page, which links each child Update.
 */
export function RunPanel({ kind, id }: { kind: Runnable; id: string }) {
  const { api } = useSession();
  const [started, setStarted] = useState<string>();
  const [args, setArgs] = useState('');
  const run = async () => {
    const answer =
      kind === 'Procedure'
        ? await api.execute('RunProcedure', { procedure: id })
        : await api.execute('RunAction', {
            action: id,
            ...(args.trim() ? { args: JSON.parse(args) as Record<string, unknown> } : {}),
          });
    setStarted(updateIdOf(answer));
  };
  const cancel = () =>
    kind === 'Procedure'
      ? api.execute('CancelProcedure', { procedure: id })
      : api.execute('CancelAction', { action: id });
  return (
    <div className="executions" aria-label="Run">
      {kind === 'Action' && (
        <label className="inline">
          args (JSON, optional){' '}
          <input
            aria-label="args"
            value={args}
            placeholder='{"name": "web"}'
            onChange={(e) => setArgs(e.target.value)}
          />
        </label>
      )}
      <ActionButton label={`Run ${kind}`} action={run} />
      <ActionButton
        label="Cancel"
        className="danger"
        confirm={`Cancel the running ${kind.toLowerCase()}?`}
        action={cancel}
      />
      {started && <Link to={`/updates/${started}`}>Follow the run as it runs →</Link>}
    </div>
  );
}
