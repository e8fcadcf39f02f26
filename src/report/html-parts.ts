import type { FindingEvidence } from '../analyze/types.js';
import { escapeHtml } from './escape.js';

/** A bilingual label: [Chinese, English]. */
export type Label = readonly [string, string];

export function bilingual([zh, en]: Label): string {
  return `${escapeHtml(zh)} <span class="en">${escapeHtml(en)}</span>`;
}

/** A report section; `body` is HTML. */
export function section(id: string, title: Label, body: string): string {
  return `<section id="${escapeHtml(id)}">\n<h2>${bilingual(title)}</h2>\n${body}\n</section>`;
}

export function empty(message: Label): string {
  return `<p class="empty">${escapeHtml(message[0])} · ${escapeHtml(message[1])}</p>`;
}

/** A table cell: text is escaped, `{ html }` is taken as it is. */
export type Cell = string | number | { html: string; className?: string };

function cell(value: Cell): string {
  if (typeof value === 'number') return `<td class="num">${value}</td>`;
  if (typeof value === 'string') return `<td>${escapeHtml(value)}</td>`;
  return value.className
    ? `<td class="${escapeHtml(value.className)}">${value.html}</td>`
    : `<td>${value.html}</td>`;
}

/** A table, or `none` when there are no rows. */
export function table(
  headers: readonly Label[],
  rows: readonly { cells: readonly Cell[]; className?: string }[],
  none: Label,
): string {
  if (rows.length === 0) return empty(none);
  const head = headers.map((header) => `<th>${bilingual(header)}</th>`).join('');
  const body = rows
    .map(({ cells, className }) => {
      const open = className ? `<tr class="${escapeHtml(className)}">` : '<tr>';
      return `${open}${cells.map(cell).join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Right-aligned text, such as a formatted number. */
export function numeric(text: string): Cell {
  return { html: escapeHtml(text), className: 'num' };
}

/** Text kept on one line, such as a date. */
export function unbroken(text: string): Cell {
  return { html: escapeHtml(text), className: 'nowrap' };
}

export function evidenceList(evidence: readonly FindingEvidence[]): Cell {
  if (evidence.length === 0) return '—';
  const items = evidence.map(
    (item) => `<li><span class="label">${escapeHtml(item.label)}</span>${escapeHtml(item.text)}</li>`,
  );
  return { html: `<ul class="evidence">${items.join('')}</ul>` };
}
