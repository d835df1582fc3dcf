import { useEffect, useRef, useState } from 'react';
import { ErrorNote } from '../components/error-note';

interface Props {
  value: string;
  readOnly: boolean;
  onChange(value: string): void;
}

/**
 * CodeMirror, its language and what it knows of an Action's clients, fetched only when an editor
 * opens (the dashboard never loads them).
 */
const loadEditor = () =>
  Promise.all([
    import('codemirror'),
    import('@codemirror/lang-javascript'),
    import('./action-language'),
  ]);

/**
 * An Action's TypeScript with syntax highlighting (CodeMirror 6), completions of the clients and
 * requests, and request names checked as one types. The editor owns its text once open: the
 * value it started from is not pushed back into it, so typing never jumps.
 */
export function CodeEditor({ value, readOnly, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  const [error, setError] = useState<unknown>();
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let view: { destroy(): void } | undefined;
    let closed = false;
    loadEditor().then(
      ([{ EditorView, basicSetup }, { javascript }, { actionScript }]) => {
        if (closed || !host.current) return;
        // The page's CSP allows no <style> element; in a shadow root CodeMirror styles itself
        // with a constructed stylesheet, which the policy does not govern.
        const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
        const parent = document.createElement('div');
        root.replaceChildren(parent);
        view = new EditorView({
          doc: value,
          root,
          parent,
          extensions: [
            basicSetup,
            javascript({ typescript: true }),
            actionScript(),
            EditorView.editable.of(!readOnly),
            EditorView.updateListener.of((u) => {
              if (u.docChanged) latest.current(u.state.doc.toString());
            }),
          ],
        });
        setReady(true);
      },
      (e: unknown) => setError(e),
    );
    return () => {
      closed = true;
      view?.destroy();
    };
    // The editor is made once per opening; its own state holds the text from then on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly]);

  return (
    <div className="code-editor" data-testid="code-editor">
      {!ready && !error && <p className="muted">Loading the editor…</p>}
      <ErrorNote error={error} />
      <div ref={host} />
    </div>
  );
}
