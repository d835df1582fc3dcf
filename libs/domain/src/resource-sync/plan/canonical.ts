const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Appends the text of `value` to `out`: one list of parts, joined once (a plan's hash reads it all). */
function write(value: unknown, out: string[]): void {
  if (value === undefined) {
    out.push('null');
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      // A hole writes nothing, as `join` writes it.
      if (i in value) write(value[i], out);
    }
    out.push(']');
    return;
  }
  const object = value as Record<string, unknown>;
  out.push('{');
  let first = true;
  for (const key of Object.keys(object).sort(byKey)) {
    const item = object[key];
    if (item === undefined) continue;
    out.push(first ? '' : ',', JSON.stringify(key), ':');
    first = false;
    write(item, out);
  }
  out.push('}');
}

/**
 * JSON with object keys sorted at every level, `undefined` left out as JSON does: the same
 * value always gives the same text, however its objects were built.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}
