import type { Measurement } from './measure';

export interface Comparison {
  engine: string;
  case: string;
  unit: string;
  adapter: Measurement;
  raw: Measurement;
}

const rate = (value: number): string => Math.round(value).toLocaleString('en-US');

export function printComparisons(comparisons: Comparison[]): void {
  const rows = comparisons.map((row) => [
    row.engine,
    row.case,
    `${rate(row.adapter.perSecond)} ${row.unit}/s`,
    `${rate(row.raw.perSecond)} ${row.unit}/s`,
    `${Math.round((100 * row.adapter.perSecond) / row.raw.perSecond)}%`,
    `${row.adapter.seconds.toFixed(2)} s / ${row.raw.seconds.toFixed(2)} s`,
  ]);
  printTable(['engine', 'case', 'adapter', 'raw', 'ratio', 'time (adapter / raw)'], rows);
}

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells: string[]): string =>
    cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}
