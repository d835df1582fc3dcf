/** One flag of a closed list: whether it stands alone, and what its value does. */
export interface FlagRule<T> {
  /** Stands alone (`--pull`); `--pull=false` still gives it a value. */
  alone?: boolean;
  /**
   * Records the value in `into`, or answers why it is refused. A lone flag's value is '' and
   * `explicit` false; `--flag=value` and `--flag value` are explicit.
   */
  apply(into: T, value: string, explicit: boolean): string | undefined;
}

/** The command-line flags a field may hold, as a table: everything else is refused by name. */
export interface FlagTable<T> {
  flags: Readonly<Record<string, FlagRule<T>>>;
  /** Other spellings of a flag (`-m` for `--memory`). */
  aliases?: Readonly<Record<string, string>>;
  /** Flags refused with a reason of their own (a config field says it better). */
  refused?: Readonly<Record<string, string>>;
  /** Why a flag outside the list is refused; `known` lists the flags taken. */
  unknown(flag: string, known: string): string;
}

/**
 * Walks words already split as a shell would, flag by flag, through `table`, filling `into`;
 * answers every problem (not only the first), each a sentence naming the flag. A refused or
 * unknown flag's value (the next word, unless it is a flag) is skipped rather than read as a
 * flag of its own. Lookups are own-property only, so `constructor` is just an unknown word.
 */
export function walkFlags<T>(words: readonly string[], table: FlagTable<T>, into: T): string[] {
  const problems: string[] = [];
  const known = Object.keys(table.flags).join(', ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const at = word.startsWith('-') ? word.indexOf('=') : -1;
    const given = at > 0 ? word.slice(0, at) : word;
    const name = own(table.aliases, given) ?? given;
    const rule = own(table.flags, name);
    const refused = own(table.refused, given);
    if (refused !== undefined || !rule) {
      if (at < 0 && i + 1 < words.length && !words[i + 1].startsWith('-')) i++;
      problems.push(refused ?? table.unknown(given, known));
      continue;
    }
    let value = '';
    if (at > 0) value = word.slice(at + 1);
    else if (!rule.alone) {
      if (i + 1 >= words.length) {
        problems.push(`${given} needs a value`);
        continue;
      }
      value = words[++i];
    }
    const problem = rule.apply(into, value, at > 0 || !rule.alone);
    if (problem) problems.push(`${given}: ${problem}`);
  }
  return problems;
}

function own<V>(table: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
