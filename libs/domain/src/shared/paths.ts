/** The value at a path inside nested config objects, undefined where any step is missing. */
export function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** A copy of `value` with the path set; intermediate objects are copied, never mutated. */
export function setPath(
  value: Record<string, unknown>,
  path: readonly string[],
  leaf: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...value, [head]: leaf };
  const child = value[head];
  const next =
    typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : {};
  return { ...value, [head]: setPath(next, rest, leaf) };
}
