import { problemsBySeverity, type SyncInfoView } from './sync-plan';

/**
 * What stands in the way of the plan, or deserves a look before running it: the files' errors
 * and warnings (each at file:line:field), an error of reading them, and the delete guard.
 */
export function PlanNotes({ info }: { info: SyncInfoView }) {
  const { errors, warnings } = problemsBySeverity(info.pending_problems);
  const guard = info.pending_delete_guard;
  return (
    <>
      {errors.length > 0 && (
        <div className="error-note" role="alert" aria-label="Errors">
          <strong>
            The files hold errors: nothing is planned or applied until they are fixed.
          </strong>
          <ul>
            {errors.map((line) => (
              <li key={line} data-problem="error">
                <code>{line}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {info.pending_error && errors.length === 0 && (
        <div className="error-note" role="alert" aria-label="Errors">
          <pre>{info.pending_error}</pre>
        </div>
      )}
      {warnings.length > 0 && (
        <details className="help" open aria-label="Warnings">
          <summary>
            {warnings.length} warning{warnings.length > 1 ? 's' : ''}: read, but not applied
          </summary>
          <ul>
            {warnings.map((line) => (
              <li key={line} data-problem="warning">
                <code>{line}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {guard && guard.withheld > 0 && (
        <p className="field-error" data-guard="withheld">
          The files declare nothing (an empty folder, a wrong path or branch?): {guard.withheld}{' '}
          delete{guard.withheld > 1 ? 's' : ''} withheld.
        </p>
      )}
      {guard?.needsConfirm && (
        <p className="field-error" data-guard="confirm">
          This plan deletes {guard.deletes} of the {guard.scope} resources, variables and groups in
          the sync&apos;s scope: Run asks for that number typed back.
        </p>
      )}
    </>
  );
}
