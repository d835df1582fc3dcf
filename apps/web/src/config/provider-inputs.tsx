import { useState, type ReactNode } from 'react';
import type { Config } from './diff';
import {
  accountChoices,
  domainChoices,
  organizationChoices,
  registryEntries,
  withGitProvider,
  withRegistryDomain,
  type Choices,
  type ProviderOptions,
  type RegistryEntry,
} from './provider-choices';

/** The option that turns a picker into a text field; no domain or name can be it. */
const OTHER = '\u0000other';

interface ChoiceProps {
  id: string;
  value: string;
  choices: Choices;
  readOnly: boolean;
  onChange(value: string): void;
}

/**
 * A value picked from what is configured, or none; a stored value no list holds shows on its
 * own. "Other…" types a value that is not listed, as a fallback (a provider configured later).
 */
export function ChoiceInput({ id, value, choices, readOnly, onChange }: ChoiceProps) {
  const [typing, setTyping] = useState(false);
  if (typing) {
    return (
      <span className="choice-other">
        <input
          id={id}
          type="text"
          value={value}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
        />{' '}
        <button type="button" onClick={() => setTyping(false)}>
          Pick from the list
        </button>
      </span>
    );
  }
  return (
    <select
      id={id}
      value={value}
      disabled={readOnly}
      onChange={(e) => (e.target.value === OTHER ? setTyping(true) : onChange(e.target.value))}
    >
      <option value="">(none)</option>
      {choices.unlisted !== undefined && (
        <option value={choices.unlisted}>{choices.unlisted} (not configured)</option>
      )}
      {choices.listed.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
      {!readOnly && <option value={OTHER}>other…</option>}
    </select>
  );
}

interface PickerProps {
  id: string;
  field: string;
  config: Config;
  providers: ProviderOptions;
  readOnly: boolean;
  onChange(config: Config): void;
}

/**
 * The picker for a config field naming a provider or its account (`git_provider`,
 * `git_account`, `image_registry`), or undefined for any other field. It changes the whole
 * config: a new provider drops an account the provider does not have.
 */
export function providerPicker(props: PickerProps): ReactNode | undefined {
  const { id, field, config, providers, readOnly, onChange } = props;
  const value = config[field];
  const provider = typeof config.git_provider === 'string' ? config.git_provider : '';
  if (field === 'git_provider' && typeof value === 'string') {
    return (
      <ChoiceInput
        id={id}
        value={value}
        readOnly={readOnly}
        choices={domainChoices(providers.git, value)}
        onChange={(domain) => onChange(withGitProvider(config, providers.git, domain))}
      />
    );
  }
  if (field === 'git_account' && typeof value === 'string') {
    return (
      <ChoiceInput
        id={id}
        value={value}
        readOnly={readOnly}
        choices={accountChoices(providers.git, provider, value)}
        onChange={(account) => onChange({ ...config, git_account: account })}
      />
    );
  }
  if (field === 'image_registry' && Array.isArray(value)) {
    return (
      <RegistriesInput
        id={id}
        entries={registryEntries(value)}
        registries={providers.registries}
        readOnly={readOnly}
        onChange={(entries) => onChange({ ...config, image_registry: entries })}
      />
    );
  }
  return undefined;
}

interface RegistriesProps {
  id: string;
  entries: RegistryEntry[];
  registries: ProviderOptions['registries'];
  readOnly: boolean;
  onChange(entries: RegistryEntry[]): void;
}

/** A Build's registries to push to, each a domain, then one of its accounts and organizations. */
function RegistriesInput({ id, entries, registries, readOnly, onChange }: RegistriesProps) {
  const set = (i: number, entry: RegistryEntry) =>
    onChange(entries.map((e, j) => (j === i ? entry : e)));
  return (
    <div id={id} className="registries">
      {entries.length === 0 && (
        <span className="muted">(no registry: the image is not pushed)</span>
      )}
      {entries.map((entry, i) => (
        <div key={i} className="tagged" data-registry={i}>
          <label htmlFor={`${id}-${i}-domain`}>domain</label>
          <ChoiceInput
            id={`${id}-${i}-domain`}
            value={entry.domain}
            readOnly={readOnly}
            choices={domainChoices(registries, entry.domain)}
            onChange={(domain) => set(i, withRegistryDomain(entry, registries, domain))}
          />
          <label htmlFor={`${id}-${i}-account`}>account</label>
          <ChoiceInput
            id={`${id}-${i}-account`}
            value={entry.account}
            readOnly={readOnly}
            choices={accountChoices(registries, entry.domain, entry.account)}
            onChange={(account) => set(i, { ...entry, account })}
          />
          <label htmlFor={`${id}-${i}-organization`}>organization</label>
          <ChoiceInput
            id={`${id}-${i}-organization`}
            value={entry.organization}
            readOnly={readOnly}
            choices={organizationChoices(registries, entry.domain, entry.organization)}
            onChange={(organization) => set(i, { ...entry, organization })}
          />
          {!readOnly && (
            <button type="button" onClick={() => onChange(entries.filter((_, j) => j !== i))}>
              Remove registry
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          onClick={() => onChange([...entries, { domain: '', account: '', organization: '' }])}
        >
          Add registry
        </button>
      )}
    </div>
  );
}
