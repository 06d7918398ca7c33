import type { SummaryRow } from '@ensure-image/core';

/** Seconds per phase, for the job summary (phases may overlap: the login runs beside the check). */
export class Phases {
  readonly rows: SummaryRow[] = [];
  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.rows.push([`${name} (s)`, ((performance.now() - t0) / 1000).toFixed(2)]);
    }
  }
}
