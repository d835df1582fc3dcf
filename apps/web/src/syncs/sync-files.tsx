import type { SyncFileContents } from '@monitor/domain';

const pathOf = (file: SyncFileContents) =>
  file.resource_path ? `${file.resource_path}/${file.path}` : file.path;

/** The files the last refresh read (Komodo's `remote_contents`), and those it could not. */
export function SyncFiles(props: { contents: SyncFileContents[]; errors: SyncFileContents[] }) {
  const { contents, errors } = props;
  if (!contents.length && !errors.length) return null;
  return (
    <section aria-label="Files read">
      <h2>Files read</h2>
      {errors.length > 0 && (
        <ul className="error-note" aria-label="Files not read">
          {errors.map((file, i) => (
            <li key={i}>
              <code>{pathOf(file)}</code>: {file.contents}
            </li>
          ))}
        </ul>
      )}
      {contents.map((file) => (
        <details key={pathOf(file)} data-file={pathOf(file)}>
          <summary>
            <code>{pathOf(file)}</code>
          </summary>
          <pre>{file.contents}</pre>
        </details>
      ))}
    </section>
  );
}
