/**
 * Komodo's `English` schedule format, translated to six-field cron (seconds first). Komodo uses
 * the english-to-cron crate; no maintained JavaScript port exists, so this is a small grammar of
 * our own over the same phrases ("every 15 seconds", "every day at 4:00 pm", "at noon every
 * Sunday", "every 10 minutes Monday through Friday between 6:00 am and 8:00 pm", ...).
 * A word it does not know is a problem naming the word, never silently ignored.
 */
export type EnglishResult = { cron: string } | { problem: string };

interface Fields {
  second?: string;
  minute?: string;
  hour?: string;
  dom?: string;
  month?: string;
  dow?: string;
}

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const UNITS: Record<string, Unit> = {
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  seconds: 'second',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
};
const SHORTHANDS: Record<string, Unit> = {
  secondly: 'second',
  minutely: 'minute',
  hourly: 'hour',
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
};
const UNIT_LIMIT: Record<Unit, number> = {
  second: 59,
  minute: 59,
  hour: 23,
  day: 31,
  week: 1,
  month: 12,
};
const FILLER = new Set([
  'run',
  'fire',
  'at',
  'on',
  'only',
  'in',
  'of',
  'the',
  'and',
  'from',
  'a',
  'an',
]);
const RANGE_WORDS = new Set(['through', 'thru', 'to', 'until', '-']);

export function englishToCron(text: string): EnglishResult {
  try {
    return { cron: new EnglishParser(tokenize(text)).parse() };
  } catch (error) {
    if (error instanceof EnglishProblem) return { problem: error.message };
    throw error;
  }
}

class EnglishProblem extends Error {}

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[,.;]/g, ' ')
    .replace(/(\d)(am|pm)\b/g, '$1 $2')
    .replace(/(\d)-(\d)/g, '$1 - $2')
    .split(/\s+/)
    .filter(Boolean);
}

function weekday(word: string): number | undefined {
  const index = WEEKDAYS.findIndex(
    (day) =>
      word === day ||
      word === `${day}s` ||
      word === day.slice(0, 3) ||
      (word.length >= 3 && day.startsWith(word)),
  );
  return index < 0 ? undefined : index;
}

function month(word: string): number | undefined {
  const index = MONTHS.findIndex((name) => word === name || word === name.slice(0, 3));
  return index < 0 ? undefined : index + 1;
}

class EnglishParser {
  private readonly fields: Fields = {};
  private readonly weekdays: string[] = [];
  private readonly months: string[] = [];
  private readonly monthDays: number[] = [];
  private at = 0;

  constructor(private readonly tokens: string[]) {}

  parse(): string {
    if (!this.tokens.length)
      throw new EnglishProblem('the English schedule is empty: write e.g. "every day at 3:00 am"');
    while (this.at < this.tokens.length) this.step(this.tokens[this.at++]);
    return this.assemble();
  }

  private peek(offset = 0): string | undefined {
    return this.tokens[this.at + offset];
  }

  private step(word: string): void {
    if (word === 'every' || word === 'each') return this.every();
    if (SHORTHANDS[word]) return this.unit(SHORTHANDS[word], undefined);
    if (word === 'between') return this.between();
    if (word === 'weekday' || word === 'weekdays') return void this.weekdays.push('1-5');
    if (word === 'weekend' || word === 'weekends') return void this.weekdays.push('6', '0');
    if (/^\d{1,2}(st|nd|rd|th)$/.test(word)) return this.monthDay(Number.parseInt(word, 10));
    if (/^\d{1,2}(:\d{2})?$/.test(word) && (word.includes(':') || this.isMeridiem(this.peek()))) {
      return this.setTime(this.time(word));
    }
    if (word === 'noon' || word === 'midday') return this.setTime([12, 0]);
    if (word === 'midnight') return this.setTime([0, 0]);
    const day = weekday(word);
    if (day !== undefined) return this.range(day, weekday, this.weekdays);
    const monthNumber = month(word);
    if (monthNumber !== undefined) return this.range(monthNumber, month, this.months);
    if (FILLER.has(word) || ((word === 'day' || word === 'month') && this.monthDays.length)) return;
    throw new EnglishProblem(`the English schedule has a word it does not know: '${word}'`);
  }

  /** "every 5 minutes", "every minute", "every Monday", "every weekday", "every 2nd day". */
  private every(): void {
    const next = this.peek();
    if (next && /^\d+$/.test(next) && UNITS[this.peek(1) ?? '']) {
      this.at += 2;
      return this.unit(UNITS[this.peek(-1)!], Number(next));
    }
    if (next && UNITS[next]) {
      this.at += 1;
      return this.unit(UNITS[next], undefined);
    }
  }

  private unit(unit: Unit, every: number | undefined): void {
    if (every !== undefined && (every < 1 || every > UNIT_LIMIT[unit])) {
      throw new EnglishProblem(
        `every ${every} ${unit}s: the number must be 1 to ${UNIT_LIMIT[unit]}`,
      );
    }
    const step = every && every > 1 ? `*/${every}` : '*';
    if (unit === 'second') this.fields.second = step;
    if (unit === 'minute') this.fields.minute = step;
    if (unit === 'hour') this.fields.hour = step;
    if (unit === 'day' && step !== '*') this.fields.dom = step;
    if (unit === 'week') this.weekdays.push('0');
    if (unit === 'month') this.monthDays.push(1);
    if (unit === 'month' && step !== '*') this.fields.month = step;
  }

  private monthDay(day: number): void {
    if (day < 1 || day > 31)
      throw new EnglishProblem(`day ${day} of the month: it must be 1st to 31st`);
    this.monthDays.push(day);
  }

  /** "between 6:00 am and 8:00 pm": the hours from the first to the second. */
  private between(): void {
    const from = this.time(this.tokens[this.at++] ?? '');
    if (this.tokens[this.at++] !== 'and')
      throw new EnglishProblem('write "between <time> and <time>"');
    const to = this.time(this.tokens[this.at++] ?? '');
    if (to[0] < from[0])
      throw new EnglishProblem('"between": the second time must come after the first');
    this.fields.hour = from[0] === to[0] ? `${from[0]}` : `${from[0]}-${to[0]}`;
  }

  private range(first: number, read: (word: string) => number | undefined, into: string[]): void {
    const next = this.peek();
    const last = next && RANGE_WORDS.has(next) ? read(this.peek(1) ?? '') : undefined;
    if (last === undefined) return void into.push(`${first}`);
    this.at += 2;
    into.push(
      last >= first
        ? `${first}-${last}`
        : `${first}-${read === weekday ? 6 : 12},${read === weekday ? 0 : 1}-${last}`,
    );
  }

  private isMeridiem(word: string | undefined): boolean {
    return word === 'am' || word === 'pm' || word === 'a.m' || word === 'p.m';
  }

  /** "4:30 pm", "7 pm", "16:00", "noon", "midnight" as [hour, minute]. */
  private time(word: string): [number, number] {
    if (word === 'noon' || word === 'midday') return [12, 0];
    if (word === 'midnight') return [0, 0];
    const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(word);
    if (!match) throw new EnglishProblem(`'${word}' is not a time: write e.g. 4:30 pm or 16:30`);
    let hour = Number(match[1]);
    const minute = Number(match[2] ?? 0);
    const meridiem = this.isMeridiem(this.peek()) ? this.tokens[this.at++][0] : undefined;
    if (meridiem && (hour < 1 || hour > 12))
      throw new EnglishProblem(`'${word} ${meridiem}m': the hour must be 1 to 12`);
    if (meridiem) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    if (hour > 23 || minute > 59) throw new EnglishProblem(`'${word}' is not a time of day`);
    return [hour, minute];
  }

  private setTime([hour, minute]: [number, number]): void {
    this.fields.hour = `${hour}`;
    this.fields.minute = `${minute}`;
  }

  /** Fields finer than the finest one given run at 0, coarser ones at every value. */
  private assemble(): string {
    const { fields } = this;
    const times = [fields.second, fields.minute, fields.hour];
    const finest = times.findIndex((field) => field !== undefined);
    const [second, minute, hour] = times.map(
      (field, index) => field ?? (finest < 0 || index < finest ? '0' : '*'),
    );
    const dow = this.weekdays.length ? this.weekdays.join(',') : '*';
    const dom = this.monthDays.length
      ? this.monthDays.join(',')
      : dow === '*'
        ? (fields.dom ?? '*')
        : '*';
    const monthField = this.months.length ? this.months.join(',') : (fields.month ?? '*');
    return [second, minute, hour, dom, monthField, dow].join(' ');
  }
}
