// Waiting for a scan, as a pure state machine: each read of DescribeImageScanFindings (or its
// absence) goes in, a decision comes out (done, start a scan, read again, or stop with a reason).
// The step owns the clock and the calls; the rules live here.

/** What a read of the findings showed. */
export type ScanObservation =
  /** DescribeImageScanFindings answered. `findings`: how many it listed (all pages). */
  | { kind: 'read'; status: string; description?: string; findings: number; enhanced: boolean; completedAt?: number }
  /** ScanNotFoundException: the image was never scanned. */
  | { kind: 'not-scanned' }
  /** StartImageScan's answer: started, refused for the basic daily limit, unsupported image, or not on this repository (enhanced). */
  | { kind: 'start'; result: 'started' | 'LIMIT_EXCEEDED' | 'UNSUPPORTED_IMAGE' | 'enhanced' };

export interface WaitState {
  /** StartImageScan was asked (at most once). */
  started: boolean;
  /** The repository scans with Inspector (seen ACTIVE/PENDING, enhanced findings, or StartImageScan refused as enhanced). */
  enhanced: boolean;
  /** Time a zero-findings COMPLETE/ACTIVE was first seen (for the grace). */
  emptySince?: number;
  /** Last status read, named when the wait times out. */
  lastStatus: string;
}

export const initialWait = (): WaitState => ({ started: false, enhanced: false, lastStatus: 'NOT_READ' });

export type WaitDecision =
  | { action: 'done'; status: string }
  | { action: 'start' }
  /** `provisional`: the findings read so far may stand if time runs out (the grace of an empty result). */
  | { action: 'wait'; status: string; provisional?: boolean }
  | { action: 'stop'; status: string; message: string };

export interface WaitRules {
  /** How long a scan that reports no findings may still be filling in (enhanced COMPLETE before its findings). */
  graceMs: number;
}

export const DEFAULT_WAIT_RULES: WaitRules = { graceMs: 30_000 };

/** Statuses after which findings will never come, each with what it means for the user. */
const STOPS: Record<string, string> = {
  FAILED: 'the scan failed',
  UNSUPPORTED_IMAGE: 'ECR cannot scan this image (UNSUPPORTED_IMAGE: its OS or media type is not supported by the scanner)',
  SCAN_ELIGIBILITY_EXPIRED:
    "enhanced scanning no longer watches this image (SCAN_ELIGIBILITY_EXPIRED: the registry's continuous-scan duration since push or pull has passed); push or pull it again, or lengthen the duration",
  FINDINGS_UNAVAILABLE:
    'Inspector has no findings for this image (FINDINGS_UNAVAILABLE: it stopped scanning it, e.g. the image was deleted or Inspector was disabled)',
  LIMIT_EXCEEDED:
    'the scan limit was reached (LIMIT_EXCEEDED: basic scanning allows one scan per image every 24 hours; Inspector has a per-account limit of images it scans)',
  IMAGE_ARCHIVED: 'the image is archived (IMAGE_ARCHIVED): ECR does not scan archived images',
};

/** The message for a status after which the gate cannot read findings (or undefined when it can). */
export function stopMessage(status: string, description?: string): string | undefined {
  const m = STOPS[status];
  if (!m) return undefined;
  return description ? `${m}: ${description}` : m;
}

/** One step of the wait: the state after `obs`, and what to do next. `now` is the caller's clock (ms). */
export function nextWait(s: WaitState, obs: ScanObservation, now: number, rules: WaitRules = DEFAULT_WAIT_RULES): { state: WaitState; decision: WaitDecision } {
  if (obs.kind === 'not-scanned') {
    // Asked once (the decision itself counts as asking); after that the scan may take a moment to show up.
    if (s.started || s.enhanced) return { state: { ...s, lastStatus: 'NOT_SCANNED' }, decision: { action: 'wait', status: 'NOT_SCANNED' } };
    return { state: { ...s, started: true, lastStatus: 'NOT_SCANNED' }, decision: { action: 'start' } };
  }
  if (obs.kind === 'start') {
    const state = { ...s, started: true, ...(obs.result === 'enhanced' ? { enhanced: true } : {}) };
    if (obs.result === 'LIMIT_EXCEEDED' || obs.result === 'UNSUPPORTED_IMAGE') {
      return { state: { ...state, lastStatus: obs.result }, decision: { action: 'stop', status: obs.result, message: stopMessage(obs.result) as string } };
    }
    // Started (basic), or an Inspector repository that scans by itself: read again.
    return { state: { ...state, lastStatus: 'STARTED' }, decision: { action: 'wait', status: 'STARTED' } };
  }
  const status = obs.status.toUpperCase();
  const enhanced = s.enhanced || obs.enhanced || status === 'ACTIVE' || status === 'PENDING';
  const base: WaitState = { ...s, enhanced, lastStatus: status };
  const stop = stopMessage(status, obs.description);
  if (stop) return { state: base, decision: { action: 'stop', status, message: stop } };
  if (status === 'IN_PROGRESS' || status === 'PENDING') return { state: base, decision: { action: 'wait', status } };
  if (status === 'COMPLETE' || status === 'ACTIVE') {
    if (obs.findings > 0) return { state: base, decision: { action: 'done', status } };
    // No findings. A basic scan we watched finish, or one finished long enough ago, is clean.
    if (!enhanced && s.lastStatus === 'IN_PROGRESS') return { state: base, decision: { action: 'done', status } };
    // The grace counts from the scan's completion, or from when this gate first saw it empty,
    // whichever is earlier: a completion time that keeps moving cannot hold the gate forever.
    const since = Math.min(obs.completedAt ?? now, s.emptySince ?? now);
    if (now - since >= rules.graceMs) return { state: base, decision: { action: 'done', status } };
    return { state: { ...base, emptySince: s.emptySince ?? now }, decision: { action: 'wait', status, provisional: true } };
  }
  return {
    state: base,
    decision: {
      action: 'stop',
      status,
      message: `ECR reported a scan status the gate does not know (${status}${obs.description ? `: ${obs.description}` : ''})`,
    },
  };
}

/** Backoff before read `attempt` (1-based): 2 s doubling to 15 s, never past the time left. */
export function backoffMs(attempt: number, leftMs: number): number {
  const wait = Math.min(15_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.max(0, Math.min(wait, leftMs));
}
