import { useState } from 'react';
import type { RestartMode, TerminationSignal } from '@monitor/contracts';

/*
 * One input per kind of config value. Text that needs a parse (lines, JSON) keeps what the user
 * typed locally and hands the parsed value up, so half-typed text is not rewritten under them.
 */

export interface InputProps<T> {
  id: string;
  value: T;
  readOnly?: boolean;
  onChange(value: T): void;
}

const RESTART: readonly RestartMode[] = ['no', 'on-failure', 'always', 'unless-stopped'];
const SIGNALS: readonly TerminationSignal[] = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM'];

/** Fields with a fixed set of values. */
export const CHOICES: Record<string, readonly string[]> = {
  restart: RESTART,
  termination_signal: SIGNALS,
  // An Alerter's e-mail endpoint.
  security: ['none', 'starttls', 'tls'],
};

/** Fields holding a secret: the gateway answers `*****` once set; a new value is typed unseen. */
export const SECRETS = new Set([
  'passkey',
  'webhook_secret',
  'secret_args',
  'bot_token',
  'password',
]);

/** Text fields that hold several lines (compose files, env, port lists). */
export const MULTILINE = new Set([
  'environment',
  'ports',
  'volumes',
  'labels',
  'command',
  'file_contents',
  'term_signal_labels',
  'dockerfile',
  'build_args',
  'secret_args',
  'user_data',
]);

export function CheckboxInput({ id, value, readOnly, onChange }: InputProps<boolean>) {
  return (
    <input
      id={id}
      type="checkbox"
      checked={value}
      disabled={readOnly}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

export function NumberInput({ id, value, readOnly, onChange }: InputProps<number>) {
  return (
    <input
      id={id}
      type="number"
      value={value}
      readOnly={readOnly}
      onChange={(e) => onChange(e.target.value === '' ? 0 : Number(e.target.value))}
    />
  );
}

export function TextInput(
  props: InputProps<string> & {
    multiline?: boolean;
    secret?: boolean;
    choices?: readonly string[];
  },
) {
  const { id, value, readOnly, onChange, multiline, secret, choices } = props;
  if (choices) {
    return (
      <select id={id} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
        {(choices.includes(value) ? choices : [value, ...choices]).map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  }
  if (multiline || value.includes('\n')) {
    return (
      <textarea
        id={id}
        value={value}
        readOnly={readOnly}
        rows={Math.min(12, Math.max(3, value.split('\n').length + 1))}
        spellCheck={false}
        // Several secret lines cannot be a password input: drawn as dots where the browser can.
        className={secret ? 'secret-text' : undefined}
        autoComplete={secret ? 'off' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <input
      id={id}
      type={secret ? 'password' : 'text'}
      autoComplete={secret ? 'off' : undefined}
      value={value}
      readOnly={readOnly}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A list of strings, one per line; blank lines are dropped. */
export function LinesInput({ id, value, readOnly, onChange }: InputProps<string[]>) {
  const [text, setText] = useParsedText(value, (v) => v.join('\n'), parseLines);
  return (
    <textarea
      id={id}
      value={text}
      readOnly={readOnly}
      rows={Math.max(2, value.length + 1)}
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseLines(e.target.value));
      }}
    />
  );
}

/** Any other value, as JSON; until the text parses, the last valid value stays. */
export function JsonInput({ id, value, readOnly, onChange }: InputProps<unknown>) {
  const [text, setText] = useParsedText(value, (v) => JSON.stringify(v, null, 2), JSON.parse);
  const [invalid, setInvalid] = useState(false);
  return (
    <>
      <textarea
        id={id}
        value={text}
        readOnly={readOnly}
        rows={Math.min(12, text.split('\n').length + 1)}
        spellCheck={false}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid && <p className="field-error">Not valid JSON: the last valid value is kept.</p>}
    </>
  );
}

function parseLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The text of a parsed value, kept as typed unless the value changes from outside. */
function useParsedText<T>(value: T, show: (v: T) => string, parse: (text: string) => T) {
  const [text, setText] = useState(() => show(value));
  const valueKey = JSON.stringify(value);
  const [shownKey, setShownKey] = useState(valueKey);
  // Adjusted while rendering, not in an effect, so the new text shows in the same render.
  if (shownKey !== valueKey) {
    setShownKey(valueKey);
    if (!parsesTo(text, parse, valueKey)) setText(show(value));
  }
  return [text, setText] as const;
}

function parsesTo<T>(text: string, parse: (text: string) => T, valueKey: string): boolean {
  try {
    return JSON.stringify(parse(text)) === valueKey;
  } catch {
    // The typed text does not parse: the value did change from outside.
    return false;
  }
}
