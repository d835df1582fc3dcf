import { useState } from 'react';
import type { UpdateResourceDto } from '@monitor/contracts';
import { useSession } from '../api/session';
import { ErrorNote } from '../components/error-note';
import { CodeEditor } from './code-editor';

interface Props {
  id: string;
  fileContents: string;
  arguments: string;
  canWrite: boolean;
  onSaved(): void;
}

/** What a script may use and how far it may go, shown beside the editor. */
function ScriptHelp() {
  return (
    <details className="help">
      <summary>What the script gets</summary>
      <ul>
        <li>
          <code>komodo</code>: komodo_client&apos;s <code>KomodoClient</code> on this Monitor, with
          a key of the user who runs the action (<code>komodo.read</code>, <code>komodo.write</code>
          , <code>komodo.execute</code>); <code>monitor</code>: Monitor&apos;s own client, with the
          same key.
        </li>
        <li>
          <code>ARGS</code>: the action&apos;s arguments, with the args given to Run over them.
        </li>
        <li>
          <code>console.log</code> lines are the run&apos;s output, live on its Update.
        </li>
        <li>
          The editor completes the clients&apos; methods, request names (Ctrl-Space in the quotes)
          and their params, and marks a request name Monitor does not answer under that verb. It
          does not type-check the script: a wrong param type shows when the request is refused.
        </li>
        <li>
          Limits: a run is stopped past its time limit (<code>actions.timeout_ms</code>) or its
          memory limit, and reads or writes no files beyond its own folder.
        </li>
      </ul>
    </details>
  );
}

/** An Action's script (TypeScript) and its arguments, saved through UpdateAction. */
export function ActionTab(props: Props) {
  const { api } = useSession();
  const [code, setCode] = useState(props.fileContents);
  const [args, setArgs] = useState(props.arguments);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const changed = code !== props.fileContents || args !== props.arguments;

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const params: UpdateResourceDto = {
        id: props.id,
        config: { file_contents: code, arguments: args },
      };
      await api.write('UpdateAction', params);
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="action-code">
      <ScriptHelp />
      <CodeEditor value={props.fileContents} readOnly={!props.canWrite} onChange={setCode} />
      <label htmlFor="action-arguments">arguments</label>
      <textarea
        id="action-arguments"
        value={args}
        readOnly={!props.canWrite}
        rows={3}
        onChange={(e) => setArgs(e.target.value)}
      />
      {props.canWrite && (
        <div>
          <ErrorNote error={error} />
          <button type="button" disabled={!changed || busy} onClick={save}>
            {busy ? 'Saving…' : 'Save script'}
          </button>
        </div>
      )}
    </div>
  );
}
