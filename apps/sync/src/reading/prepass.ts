const TRIPLE_QUOTE = '"""';

/**
 * Komodo's one pre-pass before parsing (bin/core/src/sync/mod.rs, escape_between_triple_string):
 * between `"""` pairs every backslash is doubled, so a multi-line basic string reads its
 * backslashes literally (a shell line ending in `\`, a regex). It splits on every `"""` as Komodo
 * does, comments included, and adds no line, so line numbers stay those of the file.
 */
export function escapeBetweenTripleStrings(toml: string): string {
  // Without a backslash there is nothing to double: the text as it is, not a copy.
  if (!toml.includes('\\')) return toml;
  return toml
    .split(TRIPLE_QUOTE)
    .map((section, i) => (i % 2 === 0 ? section : section.replaceAll('\\', '\\\\')))
    .join(TRIPLE_QUOTE);
}
