/** The choice of a template with no cloud account: it launches with the core config's. */
export const CORE_CREDENTIALS = "the core's credentials";

export interface CloudAccountChoice {
  value: string;
  label: string;
}

/**
 * What a ServerTemplate's `cloud_account` may name: the accounts of the template's provider, by
 * name, after the core's credentials (""). A stored name no account of that provider holds
 * stays selectable, marked, so the form shows it as it is (the gateway refuses to save it).
 */
export function cloudAccountChoices(
  accounts: readonly { name: string; provider: string }[],
  provider: unknown,
  current: string,
): CloudAccountChoice[] {
  const fitting = accounts.filter((a) => a.provider === provider).map((a) => a.name);
  const choices = [
    { value: '', label: CORE_CREDENTIALS },
    ...fitting.map((name) => ({ value: name, label: name })),
  ];
  if (current && !fitting.includes(current)) {
    const other = accounts.find((a) => a.name === current);
    const article = other?.provider === 'Aws' ? 'an' : 'a';
    const why = other ? `${article} ${other.provider} account` : 'no such account';
    choices.push({ value: current, label: `${current} (${why})` });
  }
  return choices;
}
