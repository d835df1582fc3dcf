import { useState } from 'react';
import type { SyncFileContents } from '@monitor/contracts';
import { ErrorNote } from '../components/error-note';
import { unfolded } from './sync-source';

type SyncFilesWrite = (file: SyncFileContents) => Promise<unknown>;

const pathOf = (file: SyncFileContents) =>
  file.resource_path ? `${file.resource_path}/${file.path}` : file.path;

/**
 * The sync's files (a UI sync's `file_contents`, or those the last refresh read) and those that
 * could not be read; with Write on the sync, each file is edited here and written where it is
 * kept (WriteSyncFileContents: the host folder, a commit on the branch, or the UI contents).
 */
export function SyncFiles(props: {
  files: SyncFileContents[];
  errors: SyncFileContents[];
  /** Writes one file; absent without Write on the sync. */
  write?: SyncFilesWrite;
}) {
  const { files, errors, write } = props;
  if (!files.length && !errors.length) return null;
  return (
    <section aria-label="Files">
      <h2>Files</h2>
      {errors.length > 0 && (
        <ul className="error-note" aria-label="Files not read">
          {errors.map((file, i) => (
            <li key={i}>
              <code>{pathOf(file)}</code>: {file.contents}
            </li>
          ))}
        </ul>
      )}
      {files.map((file) => (
        <SyncFile key={pathOf(file)} file={file} open={unfolded(files.length)} write={write} />
      ))}
    </section>
  );
}

/** One file, its editor opened on demand. */
function SyncFile(props: { file: SyncFileContents; open: boolean; write?: SyncFilesWrite }) {
  const { file, open, write } = props;
  const [draft, setDraft] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const save = async () => {
    if (!write || draft === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      await write({ ...file, contents: draft });
      setDraft(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details open={open} data-file={pathOf(file)}>
      <summary>
        <code>{pathOf(file)}</code>
      </summary>
      {draft === undefined ? (
        <>
          <pre>{file.contents || '(empty)'}</pre>
          {write && (
            <button type="button" onClick={() => setDraft(file.contents)}>
              Edit file
            </button>
          )}
        </>
      ) : (
        <div className="stacked">
          <textarea
            aria-label={`contents of ${pathOf(file)}`}
            value={draft}
            rows={Math.min(30, Math.max(8, draft.split('\n').length + 1))}
            spellCheck={false}
            onChange={(e) => setDraft(e.target.value)}
          />
          <ErrorNote error={error} />
          <div className="buttons">
            <button
              type="button"
              className="primary"
              disabled={busy || draft === file.contents}
              onClick={() => void save()}
            >
              {busy ? 'Writing…' : 'Write file'}
            </button>
            <button type="button" disabled={busy} onClick={() => setDraft(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
