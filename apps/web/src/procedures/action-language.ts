import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { completeAt } from './action-completions';
import { checkRequests, type Problem } from './action-lint';

/*
 * What the Action editor knows of the script's clients, on top of the TypeScript grammar: this
 * module is loaded with CodeMirror (by import(), when the Script tab opens), so neither it nor
 * the catalogue copy it reads reaches the dashboard's bundle.
 */

function completions(context: CompletionContext): CompletionResult | null {
  const found = completeAt(context.state.doc.toString(), context.pos, context.explicit);
  return found && { ...found, validFor: /^[\w$]*$/ };
}

function diagnostic(problem: Problem): Diagnostic {
  const { fix } = problem;
  return {
    from: problem.from,
    to: problem.to,
    severity: 'error',
    source: 'Monitor',
    message: problem.message,
    // The fix's place relative to the problem's, which CodeMirror maps through later edits.
    actions: fix && [
      {
        name: fix.label,
        apply: (view, from) =>
          view.dispatch({
            changes: {
              from: from + fix.from - problem.from,
              to: from + fix.to - problem.from,
              insert: fix.insert,
            },
          }),
      },
    ],
  };
}

const checks = (view: EditorView) => checkRequests(view.state.doc.toString()).map(diagnostic);

/** Completions of the clients and requests, and the request names checked as one types. */
export function actionScript(): Extension {
  return [
    EditorState.languageData.of(() => [{ autocomplete: completions }]),
    linter(checks, { delay: 300 }),
    lintGutter(),
  ];
}
