/**
 * Plain-text tables for the console (cli-table3, without colours): numbers right-aligned, text left.
 * cli-table3 is loaded on first use, so that commands printing no table (`nss run --quiet`) do not pay
 * for loading it at startup.
 */
import { createRequire } from 'node:module';
import type TableConstructor from 'cli-table3';

let Table: typeof TableConstructor | undefined;

/** cli-table3's constructor (a CommonJS module), required on first use. */
function tableClass(): typeof TableConstructor {
  Table ??= createRequire(import.meta.url)('cli-table3') as typeof TableConstructor;
  return Table;
}

/** A table cell: text, a number, or nothing. */
export type Cell = string | number | null | undefined;

/** The width of column `i` (padding included): its widest cell, at most `cap`. */
function capped(cap: number | null, head: string, rows: readonly (readonly Cell[])[], i: number): number | null {
  if (cap === null) return null;
  const widest = Math.max(head.length, ...rows.map((row) => String(row[i] ?? '').length));
  return Math.min(cap, widest + 2);
}

/**
 * Renders a table with a header row. A column whose cells are all numbers (or empty) is right-aligned.
 * `widths` caps columns (total width, padding included); their text wraps on word boundaries.
 */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  widths: readonly (number | null)[] = [],
): string {
  const numeric = head.map((_, i) =>
    rows.every((row) => row[i] === null || row[i] === undefined || typeof row[i] === 'number'),
  );
  const TableClass = tableClass();
  const table = new TableClass({
    head: [...head],
    colAligns: numeric.map((n) => (n ? 'right' : 'left')),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    ...(widths.length === 0 ? {} : { colWidths: head.map((h, i) => capped(widths[i] ?? null, h, rows, i)), wordWrap: true }),
  });
  for (const row of rows) table.push(row.map((c) => (c === null || c === undefined ? '' : c)));
  return table.toString();
}

/** A titled table: the title on its own line, then the table. */
export function renderTitledTable(title: string, head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${title}\n${renderTable(head, rows)}`;
}
