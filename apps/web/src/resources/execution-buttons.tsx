import { useState } from 'react';
import { useSession } from '../api/session';
import { ActionButton } from '../components/confirm-button';
import { readable } from '../components/state-badge';
import { Link } from '../router';
import { isOffered, type ExecutionSpec } from './executions';
import { PromptButton } from './prompt-button';

/** The Update an execution answered at once (Komodo's), to follow as it runs. */
interface Started {
  id: string;
  label: string;
}

function updateIdOf(answer: unknown): string | undefined {
  const id = (answer as { _id?: { $oid?: unknown } } | null)?._id?.$oid;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The resource's executions, those that do not apply in its state disabled; once one is started,
 * a link to its Update, whose running stage shows the output as it comes.
 */
export function ExecutionButtons(props: {
  executions: ExecutionSpec[];
  target: string;
  state: string | undefined;
}) {
  const { executions, target, state } = props;
  const { api } = useSession();
  const [started, setStarted] = useState<Started>();
  if (executions.length === 0) return null;
  return (
    <div className="executions" aria-label="Executions">
      {executions.map((x) => {
        const begin = async (answer?: string) => {
          const id = updateIdOf(await x.run(api, target, answer));
          setStarted(id ? { id, label: x.following ?? x.label } : undefined);
        };
        return x.prompt ? (
          <PromptButton key={x.request} label={x.label} prompt={x.prompt} action={begin} />
        ) : (
          <ActionButton
            key={x.request}
            label={x.label}
            confirm={x.confirm}
            className={x.confirm ? 'danger' : undefined}
            unavailable={isOffered(x, state) ? undefined : `Not while ${readable(String(state))}`}
            action={() => begin()}
          />
        );
      })}
      {started && <Link to={`/updates/${started.id}`}>Follow {started.label} as it runs →</Link>}
    </div>
  );
}
