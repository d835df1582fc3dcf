/**
 * Komodo's batch patterns: names, wildcards (`*` any run, `?` one character) and regular
 * expressions between backslashes (`\^api-.*$\`), several separated by commas or new lines.
 */
export function matchesPattern(pattern: string, name: string): boolean {
  return parsePattern(pattern).some((test) => test(name));
}

export function parsePattern(pattern: string): ((name: string) => boolean)[] {
  return pattern
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      if (part.length > 1 && part.startsWith('\\') && part.endsWith('\\')) {
        const regex = new RegExp(part.slice(1, -1));
        return (name: string) => regex.test(name);
      }
      const wildcard = new RegExp(
        `^${part
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      );
      return (name: string) => wildcard.test(name);
    });
}
