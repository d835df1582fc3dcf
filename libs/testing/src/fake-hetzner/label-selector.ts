/**
 * Hetzner's label selectors, as the fake matches them: terms joined by `,`, each `k=v` (or
 * `k==v`), `k!=v`, `k` (present) or `!k` (absent). `in (...)`/`notin (...)` are not faked.
 */
export function matchesSelector(labels: Record<string, string>, selector: string): boolean {
  return parseSelector(selector).every((term) => term(labels));
}

type Term = (labels: Record<string, string>) => boolean;

/** Throws on a selector the fake cannot read, so that a test sees it rather than a wrong match. */
export function parseSelector(selector: string): Term[] {
  if (!selector.trim()) return [];
  return selector.split(',').map((raw): Term => {
    const text = raw.trim();
    const pair = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(text);
    if (pair) {
      const [, key, op, value] = pair;
      return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
    }
    const absent = /^!([^=!\s]+)$/.exec(text);
    if (absent) return (l) => !(absent[1] in l);
    if (/^[^=!\s()]+$/.test(text)) return (l) => text in l;
    throw new Error(`the fake does not read the label selector term '${text}'`);
  });
}
