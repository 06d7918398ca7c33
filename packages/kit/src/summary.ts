import * as core from '@actions/core';

export type SummaryRow = [string, string];

/** A heading and a two-column table in the job summary; skipped quietly outside a runner. */
export async function writeSummary(title: string, rows: readonly SummaryRow[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary
      .addHeading(title, 3)
      .addTable([
        [
          { data: 'Item', header: true },
          { data: 'Value', header: true },
        ],
        ...rows.map(([k, v]) => [k, v === '' ? '-' : `<code>${escapeHtml(v)}</code>`]),
      ])
      .write();
  } catch (e) {
    core.warning(`Could not write the job summary: ${(e as Error).message}`);
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
