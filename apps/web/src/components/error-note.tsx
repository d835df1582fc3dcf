import { ApiError } from '../api/api-error';

/** An error where the user acted: the gateway's message, its trace lines, and its code. */
export function ErrorNote({ error }: { error?: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div className="error-note" role="alert">
      <strong>{message}</strong>
      {api?.code && (
        <span className="error-code">
          {' '}
          ({api.status} {api.code})
        </span>
      )}
      {api?.trace.length ? (
        <ul>
          {api.trace.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
