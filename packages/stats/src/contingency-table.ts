import { StatsInputError } from './errors.ts';

/** A contingency table, row by row: rows are groups, columns are outcomes. */
export type ContingencyTable = readonly (readonly number[])[];

export interface Margins {
  rows: number[];
  columns: number[];
  total: number;
}

/** Checks the table is rectangular, at least 2 x 2, with non-negative finite counts (integers when asked). */
export function assertTable(table: ContingencyTable, options: { integers?: boolean } = {}): void {
  if (table.length < 2) {
    throw new StatsInputError('A contingency table needs at least 2 rows');
  }
  const width = table[0]?.length ?? 0;
  if (width < 2) throw new StatsInputError('A contingency table needs at least 2 columns');
  table.forEach((row, i) => {
    if (row.length !== width) {
      throw new StatsInputError(`Row ${i + 1} has ${row.length} cells but row 1 has ${width}`);
    }
    row.forEach((count, j) => {
      if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
        throw new StatsInputError(`Cell [${i + 1}, ${j + 1}] is ${String(count)}: counts must be non-negative numbers`);
      }
      if (options.integers && !Number.isInteger(count)) {
        throw new StatsInputError(`Cell [${i + 1}, ${j + 1}] is ${count}: Fisher's exact test needs whole counts`);
      }
    });
  });
}

export function assertTwoByTwo(table: ContingencyTable): void {
  if (table.length !== 2 || table[0]?.length !== 2) {
    throw new StatsInputError(`A 2 x 2 table is needed (got ${table.length} x ${table[0]?.length ?? 0})`);
  }
}

export function margins(table: ContingencyTable): Margins {
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0));
  const columns = table[0]!.map((_, j) => table.reduce((total, row) => total + row[j]!, 0));
  const total = rows.reduce((a, b) => a + b, 0);
  return { rows, columns, total };
}

/** Expected counts under independence, row total x column total / n (R's outer(sr, sc) / n). */
export function expectedCounts(table: ContingencyTable): number[][] {
  const { rows, columns, total } = margins(table);
  return rows.map((rowTotal) => columns.map((columnTotal) => (rowTotal * columnTotal) / total));
}
