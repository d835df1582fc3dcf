/** A config of any kind as the form edits it: its fields by name. */
export type Config = Record<string, unknown>;

/** A kind's config (Komodo types each kind's) as the form's fields; a copy, made once per config. */
export function fieldsOf(config: object): Config {
  return Object.fromEntries(Object.entries(config));
}

/** A top-level config field whose value differs: what `Update<Kind>` records. */
export interface FieldDiff {
  field: string;
  from: unknown;
  to: unknown;
}

/** The fields of `edited` that differ from `current`, in `edited`'s order. */
export function configChanges(current: Config, edited: Config): FieldDiff[] {
  return Object.entries(edited)
    .filter(([field, to]) => to !== undefined && !sameJson(current[field], to))
    .map(([field, to]) => ({ field, from: current[field], to }));
}

/** The partial config to send: only the changed fields, as the gateway records them. */
export function patchOf(changes: FieldDiff[]): Config {
  return Object.fromEntries(changes.map(({ field, to }) => [field, to]));
}

/** A value as one readable text: strings as they are, anything else as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Config)[k], (b as Config)[k]));
}
