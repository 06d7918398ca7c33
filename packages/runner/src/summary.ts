import type { SummaryRow } from '@ensure-image/core';
import { appendSummary, warning } from './runner.js';

/** A heading and a two-column table in the job summary; skipped quietly outside a runner. */
export function writeSummary(title: string, rows: readonly SummaryRow[]): Promise<void> {
  const cell = (v: string): string => (v === '' ? '-' : `<code>${escapeHtml(v)}</code>`);
  const html = [
    `<h3>${escapeHtml(title)}</h3>`,
    '<table><tr><th>Item</th><th>Value</th></tr>',
    ...rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${cell(v)}</td></tr>`),
    '</table>',
    '',
  ].join('\n');
  try {
    appendSummary(html);
  } catch (e) {
    warning(`Could not write the job summary: ${(e as Error).message}`);
  }
  return Promise.resolve();
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
