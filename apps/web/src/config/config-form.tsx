import type { Config, ResourceKind } from '../api/types';
import { fieldHelp } from './field-help';
import {
  CHOICES,
  CheckboxInput,
  JsonInput,
  LinesInput,
  MULTILINE,
  NumberInput,
  TextInput,
} from './field-inputs';

/** Komodo's tagged unions `{ type, params }`: the params each type starts with. */
const VARIANTS: Record<string, Record<string, Config>> = {
  image: {
    Image: { image: '' },
    Build: { build_id: '', version: { major: 0, minor: 0, patch: 0 } },
  },
};

interface FormProps {
  kind: ResourceKind;
  config: Config;
  readOnly?: boolean;
  onChange?(config: Config): void;
}

/**
 * A config as a form, one field per key in the order the gateway answers it, each with the
 * input its value calls for and its meaning under it. Read-only for old revisions and for users
 * without Write.
 */
export function ConfigForm({ kind, config, readOnly, onChange }: FormProps) {
  return (
    <div className="config-form">
      {Object.entries(config).map(([field, value]) => (
        <Field
          key={field}
          id={`config-${field}`}
          field={field}
          help={fieldHelp(kind, field)}
          value={value}
          readOnly={readOnly || !onChange}
          onChange={(next) => onChange?.({ ...config, [field]: next })}
        />
      ))}
    </div>
  );
}

interface FieldProps {
  id: string;
  field: string;
  help?: string;
  value: unknown;
  readOnly: boolean;
  onChange(value: unknown): void;
}

function Field({ id, field, help, value, readOnly, onChange }: FieldProps) {
  return (
    <div className={`field field-${typeof value}`}>
      <label htmlFor={id}>{field}</label>
      <ValueInput id={id} field={field} value={value} readOnly={readOnly} onChange={onChange} />
      {help && <p className="help">{help}</p>}
    </div>
  );
}

function ValueInput({ id, field, value, readOnly, onChange }: Omit<FieldProps, 'help'>) {
  const common = { id, readOnly };
  if (typeof value === 'boolean')
    return <CheckboxInput {...common} value={value} onChange={onChange} />;
  if (typeof value === 'number')
    return <NumberInput {...common} value={value} onChange={onChange} />;
  if (typeof value === 'string') {
    return (
      <TextInput
        {...common}
        value={value}
        onChange={onChange}
        choices={CHOICES[field]}
        multiline={MULTILINE.has(field)}
      />
    );
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return <LinesInput {...common} value={value} onChange={onChange} />;
  if (isTagged(value) && VARIANTS[field]) {
    return <TaggedInput {...common} field={field} value={value} onChange={onChange} />;
  }
  return <JsonInput {...common} value={value} onChange={onChange} />;
}

type Tagged = { type: string; params: Config };

function isTagged(value: unknown): value is Tagged {
  const v = value as Partial<Tagged> | null;
  return typeof v?.type === 'string' && typeof v.params === 'object' && v.params !== null;
}

function TaggedInput(props: {
  id: string;
  field: string;
  value: Tagged;
  readOnly?: boolean;
  onChange(v: Tagged): void;
}) {
  const { id, field, value, readOnly, onChange } = props;
  const variants = VARIANTS[field];
  return (
    <div className="tagged">
      <TextInput
        id={`${id}-type`}
        value={value.type}
        readOnly={readOnly}
        choices={Object.keys(variants)}
        onChange={(type) => onChange({ type, params: structuredClone(variants[type] ?? {}) })}
      />
      {Object.entries(value.params).map(([param, v]) => (
        <Field
          key={param}
          id={`${id}-${param}`}
          field={param}
          value={v}
          readOnly={Boolean(readOnly)}
          onChange={(next) => onChange({ ...value, params: { ...value.params, [param]: next } })}
        />
      ))}
    </div>
  );
}
