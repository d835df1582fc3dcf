import type { ReactNode } from 'react';
import type { ResourceKind } from '@monitor/contracts';
import type { Config } from './diff';
import { FIELD_PARAM_HELP, fieldHelp, PARAM_HELP } from './field-help';
import { NO_PROVIDERS, type ProviderOptions } from './provider-choices';
import { providerPicker } from './provider-inputs';
import { ReferenceInput, ReferencesInput } from './reference-inputs';
import type { ReferenceKinds } from './references';
import { CONFIG_VARIANTS, FIELD_VARIANTS, withVariant } from './variants';
import { AlertTypesInput } from './alert-types-input';
import { CloudAccountInput, CloudProviderContext } from './cloud-account-input';
import { MaintenanceWindowsInput, type MaintenanceWindow } from './maintenance-windows-input';
import { ResourceTargetsInput, type Target } from './resource-targets-input';
import {
  CheckboxInput,
  type InputProps,
  CHOICES,
  JsonInput,
  LinesInput,
  MULTILINE,
  NumberInput,
  SECRETS,
  TextInput,
} from './field-inputs';

interface FormProps {
  kind: ResourceKind;
  config: Config;
  readOnly?: boolean;
  /** Choices for fields naming another resource (`server_id`). */
  references?: ReferenceKinds;
  /** Choices for fields naming a git provider, an image registry or their accounts. */
  providers?: ProviderOptions;
  onChange?(config: Config): void;
}

/**
 * A config as a form, one field per key in the order the gateway answers it, each with the
 * input its value calls for and its meaning under it. Read-only for old revisions and for users
 * without Write.
 */
export function ConfigForm(props: FormProps) {
  // A ServerTemplate's `cloud_account` (in its params) offers the accounts of its `type`.
  const provider = props.kind === 'ServerTemplate' ? props.config.type : undefined;
  return (
    <CloudProviderContext.Provider value={provider}>
      <ConfigFields {...props} />
    </CloudProviderContext.Provider>
  );
}

function ConfigFields(props: FormProps) {
  const { kind, config, readOnly, references = {}, providers = NO_PROVIDERS, onChange } = props;
  const variants = CONFIG_VARIANTS[kind];
  const locked = readOnly || !onChange;
  return (
    <div className="config-form">
      {Object.entries(config).map(([field, value]) => {
        const id = `config-${field}`;
        const update = (next: Config) => onChange?.(next);
        const picker = providerPicker({
          id,
          field,
          config,
          providers,
          readOnly: locked,
          onChange: update,
        });
        return picker ? (
          <div key={field} className="field field-provider">
            <label htmlFor={id}>{field}</label>
            {picker}
            <p className="help">{fieldHelp(kind, field)}</p>
          </div>
        ) : variants && field === 'type' && typeof value === 'string' ? (
          <div key={field} className="field field-string">
            <label htmlFor="config-type">type</label>
            <TextInput
              id="config-type"
              value={value}
              readOnly={locked}
              choices={Object.keys(variants)}
              onChange={(type) => onChange?.(withVariant(kind, config, type))}
            />
            <p className="help">{fieldHelp(kind, field)}</p>
          </div>
        ) : (
          <Field
            key={field}
            id={id}
            field={field}
            help={fieldHelp(kind, field)}
            paramHelp={field === 'params' ? PARAM_HELP[kind] : undefined}
            value={value}
            readOnly={locked}
            references={references}
            onChange={(next) => onChange?.({ ...config, [field]: next })}
          />
        );
      })}
    </div>
  );
}

interface FieldProps {
  id: string;
  field: string;
  help?: string;
  /** What each field of an object value means (a Builder's params). */
  paramHelp?: Record<string, string | undefined>;
  value: unknown;
  readOnly: boolean;
  references: ReferenceKinds;
  onChange(value: unknown): void;
}

function Field({ help, ...props }: FieldProps) {
  const { id, field, value } = props;
  return (
    <div className={`field field-${typeof value}`}>
      <label htmlFor={id}>{field}</label>
      <ValueInput {...props} />
      {help && <p className="help">{help}</p>}
    </div>
  );
}

function ValueInput(props: Omit<FieldProps, 'help'>) {
  const { id, field, value, readOnly, references, onChange } = props;
  const common = { id, readOnly };
  const listInput = Array.isArray(value) && LIST_INPUTS[field];
  if (listInput) return listInput({ ...common, value, onChange });
  if (field === 'cloud_account' && typeof value === 'string')
    return <CloudAccountInput {...common} value={value} onChange={onChange} />;
  if (typeof value === 'string' && references[field]) {
    return (
      <ReferenceInput {...common} value={value} kind={references[field]} onChange={onChange} />
    );
  }
  if (Array.isArray(value) && references[field]) {
    const ids = value.filter((v): v is string => typeof v === 'string');
    return <ReferencesInput {...common} value={ids} kind={references[field]} onChange={onChange} />;
  }
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
        secret={SECRETS.has(field)}
      />
    );
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return <LinesInput {...common} value={value} onChange={onChange} />;
  if (isTagged(value) && FIELD_VARIANTS[field]) {
    return <TaggedInput {...props} value={value} />;
  }
  if (isPlainObject(value)) return <ObjectInput {...props} value={value} />;
  return <JsonInput {...common} value={value} onChange={onChange} />;
}

/** Lists with an editor of their own (an Alerter's, a Server's windows), by field name. */
const LIST_INPUTS: Record<string, ((props: InputProps<unknown[]>) => ReactNode) | undefined> = {
  alert_types: (props) => <AlertTypesInput {...props} value={props.value as string[]} />,
  resources: (props) => <ResourceTargetsInput {...props} value={props.value as Target[]} />,
  except_resources: (props) => <ResourceTargetsInput {...props} value={props.value as Target[]} />,
  maintenance_windows: (props) => (
    <MaintenanceWindowsInput {...props} value={props.value as MaintenanceWindow[]} />
  ),
};

function isPlainObject(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object of its own fields (a SystemCommand's path and command, a Builder's params), each
 * with the input its value calls for, rather than as JSON.
 */
function ObjectInput(props: Omit<FieldProps, 'help' | 'value'> & { value: Config }) {
  const { id, value, readOnly, references, onChange } = props;
  return (
    <div className="tagged" data-object={props.field}>
      {Object.entries(value).map(([key, v]) => (
        <Field
          key={key}
          id={`${id}-${key}`}
          field={key}
          help={props.paramHelp?.[key]}
          value={v}
          readOnly={readOnly}
          references={references}
          onChange={(next) => onChange({ ...value, [key]: next })}
        />
      ))}
    </div>
  );
}

type Tagged = { type: string; params: Config };

function isTagged(value: unknown): value is Tagged {
  const v = value as Partial<Tagged> | null;
  return typeof v?.type === 'string' && typeof v.params === 'object' && v.params !== null;
}

function TaggedInput(props: Omit<FieldProps, 'help' | 'value'> & { value: Tagged }) {
  const { id, field, value, readOnly, references, onChange } = props;
  const variants = FIELD_VARIANTS[field];
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
          help={FIELD_PARAM_HELP[field]?.[param]}
          value={v}
          readOnly={readOnly}
          references={references}
          onChange={(next) => onChange({ ...value, params: { ...value.params, [param]: next } })}
        />
      ))}
    </div>
  );
}
