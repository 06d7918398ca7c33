// The end of every action: a use case's report written through the runner protocol.
import type { StepReport } from '@ensure-image/core';
import { setOutputs } from './outputs.js';
import { writeScanSummary } from './scan-summary.js';
import { writeSummary } from './summary.js';

/** Outputs, then the job summary (and the scan tables); a failed scan gate is thrown last, so both are there. */
export async function report(r: StepReport): Promise<void> {
  setOutputs(r.outputs);
  if (r.summary) await writeSummary(r.summary.title, r.summary.rows);
  if (!r.scan) return;
  writeScanSummary(r.scan.scans, r.scan.verdict, r.scan.mode);
  if (r.scan.failure) throw r.scan.failure;
}
