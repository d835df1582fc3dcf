import { Fragment, useState, type ReactNode } from 'react';
import type { Config } from './diff';
import { TextInput } from './field-inputs';
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
        <TextInput id={id} value={value} readOnly={readOnly} onChange={onChange} />
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
  const git = typeof value === 'string' ? gitPart(field, value, config, providers.git) : undefined;
  if (typeof value !== 'string' || !git) return undefined;
  return (
    <ChoiceInput
      id={id}
      value={value}
      readOnly={readOnly}
      choices={git.choices}
      onChange={(next) => onChange(git.change(next))}
    />
  );
}

/** `git_provider` or `git_account`: what its picker offers, and the config once it changes. */
function gitPart(field: string, value: string, config: Config, git: ProviderOptions['git']) {
  if (field === 'git_provider') {
    return {
      choices: domainChoices(git, value),
      change: (domain: string) => withGitProvider(config, git, domain),
    };
  }
  if (field !== 'git_account') return undefined;
  const provider = typeof config.git_provider === 'string' ? config.git_provider : '';
  return {
    choices: accountChoices(git, provider, value),
    change: (account: string): Config => ({ ...config, git_account: account }),
  };
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
          {partsOf(entry, registries).map(({ part, choices, change }) => (
            <Fragment key={part}>
              <label htmlFor={`${id}-${i}-${part}`}>{part}</label>
              <ChoiceInput
                id={`${id}-${i}-${part}`}
                value={entry[part]}
                readOnly={readOnly}
                choices={choices}
                onChange={(value) => set(i, change(value))}
              />
            </Fragment>
          ))}
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

/** An entry's domain, account and organization: what each offers, and the entry once changed. */
function partsOf(entry: RegistryEntry, registries: ProviderOptions['registries']) {
  const { domain } = entry;
  return [
    {
      part: 'domain',
      choices: domainChoices(registries, domain),
      change: (value: string) => withRegistryDomain(entry, registries, value),
    },
    {
      part: 'account',
      choices: accountChoices(registries, domain, entry.account),
      change: (value: string) => ({ ...entry, account: value }),
    },
    {
      part: 'organization',
      choices: organizationChoices(registries, domain, entry.organization),
      change: (value: string) => ({ ...entry, organization: value }),
    },
  ] as const satisfies readonly {
    part: keyof RegistryEntry;
    choices: Choices;
    change(value: string): RegistryEntry;
  }[];
}
