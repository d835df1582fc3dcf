/** A TOML table as smol-toml answers it: an object that is neither an array nor a date. */
export const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
