// The scan gate's part of the job summary: per gated manifest, the counts, the worst findings
// (ignored ones marked) and the console link to its findings.
import { type GateVerdict, type ManifestScan, countsLine, scanTableRows } from '@ensure-image/core';
import { appendSummary, warning } from './runner.js';

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** HTML for the scans: one table per manifest. */
export function scanSummaryHtml(scans: readonly ManifestScan[], v: GateVerdict | undefined, mode: string): string {
  const parts = [`<h3>Scan gate (${esc(mode)}): ${v ? (v.passed ? 'passed' : 'did not pass') : 'not run'}</h3>`];
  for (const s of scans) {
    parts.push(`<h4>${esc(s.label)}: ${esc(s.status)}</h4>`);
    parts.push(
      `<p>${s.problem ? esc(s.problem) : `Findings after ignores: ${esc(countsLine(s.counts))}${s.ignored.length ? `; ${s.ignored.length} ignored` : ''}`}. <a href="${esc(s.url)}">Findings in the ECR console</a></p>`,
    );
    if (s.counted.length + s.ignored.length > 0) {
      const [head, ...rows] = scanTableRows(s);
      parts.push(
        '<table>',
        `<tr>${(head ?? []).map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`,
        ...rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`),
        '</table>',
      );
    }
  }
  return `${parts.join('\n')}\n`;
}

/** Append the scan tables to the job summary (skipped quietly outside a runner). */
export function writeScanSummary(scans: readonly ManifestScan[], v: GateVerdict | undefined, mode: string): void {
  if (scans.length === 0) return;
  try {
    appendSummary(scanSummaryHtml(scans, v, mode));
  } catch (e) {
    warning(`Could not write the job summary: ${(e as Error).message}`);
  }
}
