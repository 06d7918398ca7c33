// What every use case hands back to its entry point: the step's outputs, the job summary's
// table, and the scan gate's findings when it ran. The entry point writes them as they are
// (an action through the runner protocol); nothing is decided after this.
import type { GateVerdict, ManifestScan } from './scan-report.js';

export type OutputValue = string | number | boolean | undefined;
export type SummaryRow = readonly [string, string];

export interface StepReport<O extends Record<string, OutputValue> = Record<string, OutputValue>> {
  outputs: O;
  /** The job summary's table (none: the scan tables alone). */
  summary?: { title: string; rows: readonly SummaryRow[] };
  /** The scan gate's tables (none when it was off); `failure` is thrown once outputs and summary are written. */
  scan?: { mode: string; scans: readonly ManifestScan[]; verdict?: GateVerdict | undefined; failure?: Error | undefined };
}
