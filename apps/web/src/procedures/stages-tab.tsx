import { useState } from 'react';
import type { UpdateResourceDto } from '@monitor/contracts';
import type { ProcedureStage } from '@monitor/contracts';
import { useSession } from '../api/session';
import { ErrorNote } from '../components/error-note';
import { ExecutionEditor } from './execution-editor';
import * as edit from './stages';

interface Props {
  id: string;
  stages: ProcedureStage[];
  canWrite: boolean;
  onSaved(): void;
}

/**
 * A procedure's stages as a form: stages run in order, the executions of a stage together.
 * Saved whole through UpdateProcedure; the gateway's refusal names the stage, the execution and
 * the path, and is shown above Save.
 */
export function StagesTab({ id, stages: saved, canWrite, onSaved }: Props) {
  const { api } = useSession();
  const [stages, setStages] = useState(saved);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const readOnly = !canWrite;
  const changed = JSON.stringify(stages) !== JSON.stringify(saved);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const params: UpdateResourceDto = { id, config: { stages } };
      await api.write('UpdateProcedure', params);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stages" aria-label="Stages">
      {stages.length === 0 && <p className="muted">No stages yet.</p>}
      {stages.map((stage, s) => (
        <fieldset key={s} className="stage" data-testid={`stage-${s}`}>
          <legend>
            <input
              aria-label="stage name"
              value={stage.name}
              readOnly={readOnly}
              onChange={(e) => setStages(edit.renameStage(stages, s, e.target.value))}
            />{' '}
            <label className="inline">
              <input
                type="checkbox"
                aria-label="stage enabled"
                checked={stage.enabled}
                disabled={readOnly}
                onChange={(e) => setStages(edit.enableStage(stages, s, e.target.checked))}
              />{' '}
              enabled
            </label>
          </legend>
          {stage.executions.map((x, e) => (
            <ExecutionEditor
              key={e}
              id={`stage-${s}-execution-${e}`}
              value={x}
              readOnly={readOnly}
              onType={(type) => setStages(edit.setExecutionType(stages, s, e, type))}
              onEnabled={(on) => setStages(edit.enableExecution(stages, s, e, on))}
              onParam={(p, v) => setStages(edit.setParam(stages, s, e, p, v))}
              onRemove={() => setStages(edit.removeExecution(stages, s, e))}
            />
          ))}
          {!readOnly && (
            <div className="stage-buttons">
              <button type="button" onClick={() => setStages(edit.addExecution(stages, s))}>
                Add execution
              </button>
              <button type="button" onClick={() => setStages(edit.moveStage(stages, s, -1))}>
                Up
              </button>
              <button type="button" onClick={() => setStages(edit.moveStage(stages, s, 1))}>
                Down
              </button>
              <button type="button" onClick={() => setStages(edit.removeStage(stages, s))}>
                Remove stage
              </button>
            </div>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <div>
          <button type="button" onClick={() => setStages(edit.addStage(stages))}>
            Add stage
          </button>
          <ErrorNote error={error} />
          <button type="button" disabled={!changed || busy} onClick={save}>
            {busy ? 'Saving…' : 'Save stages'}
          </button>
        </div>
      )}
    </div>
  );
}
