// Reading one manifest's scan: the wait loop around the pure rules (core's nextWait),
// with the clock and the sleep injected so that tests do not wait.
import type { Ecr, ScanQuery, ScanRead } from '@ensure-image/adapters/aws';
import type { Log } from '@ensure-image/adapters/log';
import { type ScanObservation, backoffMs, formatDuration, initialWait, nextWait } from '@ensure-image/core';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (t) => new Promise((r) => setTimeout(r, t)),
};

/** The findings read, or why there are none to judge. */
export type WaitOutcome = { status: string; read: Extract<ScanRead, { scanned: true }> } | { status: string; problem: string };

const observe = (r: ScanRead): ScanObservation =>
  r.scanned
    ? {
        kind: 'read',
        status: r.status,
        findings: r.findings.length,
        enhanced: r.enhanced,
        ...(r.description ? { description: r.description } : {}),
        ...(r.completedAt ? { completedAt: r.completedAt } : {}),
      }
    : { kind: 'not-scanned' };

/** Read (and if need be start) the scan of one manifest until it is done, stops, or `timeoutMs` runs out. */
export async function waitForScan(ecr: Ecr, q: ScanQuery, label: string, timeoutMs: number, clock: Clock, log: Log): Promise<WaitOutcome> {
  const deadline = clock.now() + timeoutMs;
  let state = initialWait();
  for (let attempt = 1; ; attempt++) {
    const read = await ecr.readScan(q);
    let step = nextWait(state, observe(read), clock.now());
    if (step.decision.action === 'start') {
      log.info(`${label}: never scanned; asking ECR to scan it (ecr:StartImageScan)`);
      const started = await ecr.startScan(q);
      step = nextWait(step.state, { kind: 'start', result: started }, clock.now());
    }
    state = step.state;
    const d = step.decision;
    if (d.action === 'done' && read.scanned) return { status: d.status, read };
    if (d.action === 'stop') return { status: d.status, problem: d.message };
    const left = deadline - clock.now();
    if (left <= 0) {
      // An empty result still in its grace stands when time is up; anything else is a timeout.
      if (d.action === 'wait' && d.provisional && read.scanned) return { status: d.status, read };
      return { status: 'TIMEOUT', problem: `no findings within scan-timeout ${formatDuration(timeoutMs)} (last status ${state.lastStatus})` };
    }
    const pause = backoffMs(attempt, left);
    log.info(`${label}: scan status ${state.lastStatus}; reading again in ${Math.ceil(pause / 1000)} s`);
    await clock.sleep(pause);
  }
}
