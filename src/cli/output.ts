/** Output for people (tables, text) and machines (json, jsonl). */
export type DataFormat = 'table' | 'json' | 'jsonl';

/** Columns a character takes in a terminal: two for CJK and other wide characters. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

export function truncate(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  let width = 0;
  for (const char of text) {
    const next = displayWidth(char);
    if (width + next > columns - 1) break;
    out += char;
    width += next;
  }
  return `${out}…`;
}

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  /** Widest the column may grow, in terminal columns. */
  max?: number;
  align?: 'left' | 'right';
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) =>
    columns.map((column) =>
      truncate(String(column.value(row) ?? '—').replace(/\s+/g, ' '), column.max ?? 60),
    ),
  );
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[index] ?? ''))),
  );
  const pad = (text: string, index: number): string => {
    const fill = ' '.repeat(Math.max(0, (widths[index] ?? 0) - displayWidth(text)));
    return columns[index]?.align === 'right' ? fill + text : text + fill;
  };
  const line = (row: readonly string[]): string => row.map(pad).join('  ').trimEnd();
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '─'.repeat(width))),
    ...cells.map(line),
  ].join('\n');
}

/** Writes rows in the chosen format: a table for people, a JSON array or JSON lines for machines. */
export function printRows<Row>(
  rows: readonly Row[],
  format: DataFormat,
  columns: readonly Column<Row>[],
): void {
  if (format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (format === 'jsonl') for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
  else process.stdout.write(`${rows.length === 0 ? '(none)' : renderTable(rows, columns)}\n`);
}
