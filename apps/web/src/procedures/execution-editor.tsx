import type { EnabledExecution } from '@monitor/contracts';
import { ReferenceInput } from '../config/reference-inputs';
import { EXECUTION_TYPES, numberParam, paramFieldsOf, type ParamField } from './execution-fields';

interface Props {
  id: string;
  value: EnabledExecution;
  readOnly: boolean;
  onType(type: string): void;
  onEnabled(enabled: boolean): void;
  onParam(param: string, value: unknown): void;
  onRemove(): void;
}

/** One execution of a stage: its type, its params as fields, whether it runs. */
export function ExecutionEditor(props: Props) {
  const { id, value, readOnly } = props;
  const { type, params } = value.execution;
  const known = (EXECUTION_TYPES as string[]).includes(type);
  return (
    <div className="execution" data-testid={id}>
      <label className="inline">
        <input
          type="checkbox"
          aria-label="enabled"
          checked={value.enabled}
          disabled={readOnly}
          onChange={(e) => props.onEnabled(e.target.checked)}
        />{' '}
        enabled
      </label>{' '}
      <select
        aria-label="execution"
        value={type}
        disabled={readOnly}
        onChange={(e) => props.onType(e.target.value)}
      >
        {!known && <option value={type}>{type} (not offered here)</option>}
        {EXECUTION_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>{' '}
      {paramFieldsOf(type).map((field) => (
        <ParamInput
          key={field.param}
          id={`${id}-${field.param}`}
          field={field}
          value={params[field.param]}
          readOnly={readOnly}
          onChange={(v) => props.onParam(field.param, v)}
        />
      ))}
      {!readOnly && (
        <button type="button" onClick={props.onRemove}>
          Remove execution
        </button>
      )}
    </div>
  );
}

function ParamInput(props: {
  id: string;
  field: ParamField;
  value: unknown;
  readOnly: boolean;
  onChange(value: unknown): void;
}) {
  const { id, field, value, readOnly, onChange } = props;
  const text = value === undefined ? '' : String(value);
  return (
    <label className="inline" htmlFor={id}>
      {field.param}{' '}
      {field.input === 'resource' && (
        <ReferenceInput
          id={id}
          kind={field.kind}
          value={text}
          readOnly={readOnly}
          onChange={onChange}
        />
      )}
      {field.input === 'number' && (
        <input
          id={id}
          inputMode="numeric"
          value={text}
          readOnly={readOnly}
          onChange={(e) => onChange(numberParam(e.target.value))}
        />
      )}
      {field.input === 'number' && ` ${field.unit}`}
      {field.input === 'pattern' && (
        <input
          id={id}
          value={text}
          placeholder="web-*"
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </label>
  );
}
