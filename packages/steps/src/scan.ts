// The scan gate as one use case: the images found (built or skipped), their platform
// manifests, each scan waited for and read, counted after the ignore list, judged.
import type { Ecr, FoundImage } from '@ensure-image/adapters/aws';
import type { Log } from '@ensure-image/adapters/log';
import {
  type GateVerdict,
  type IgnoreEntry,
  type Limits,
  type ManifestScan,
  type ResolvedImage,
  type ScanGate,
  ValidationError,
  applyIgnores,
  countBySeverity,
  countsJson,
  countsLine,
  findingsConsoleUrl,
  formatReference,
  gateMessage,
  judge,
  manifestsToGate,
  verdict,
  zeroCounts,
} from '@ensure-image/core';
import { type Clock, realClock, waitForScan } from './scan-wait.js';

export interface ScanSettings {
  mode: ScanGate;
  limits: Limits;
  ignores: readonly IgnoreEntry[];
  timeoutMs: number;
}

export interface ScanGateRequest extends ScanSettings {
  /** The images to gate: resolved, with the digest when known (else the tag is looked up). */
  images: readonly { target: ResolvedImage; digest?: string }[];
}

export interface ScanDeps {
  ecr: () => Promise<Ecr>;
  log: Log;
  clock?: Clock;
}

export type ScanOutputs = { 'scan-status': string; findings: string; 'scan-passed': string };

export interface ScanGateResult {
  outputs: ScanOutputs;
  scans: ManifestScan[];
  verdict?: GateVerdict;
  /** The digest each ECR image was found at (an index's own digest), in the order given. */
  digests: string[];
  /** Set when the gate failed under `fail`: the caller writes outputs and summary, then throws this. */
  failure?: ScanGateError;
}

/** The gate failed under `scan-gate: fail` (the CLI exits 3 on it). */
export class ScanGateError extends Error {
  override readonly name = 'ScanGateError';
}

export const SCAN_OFF: ScanOutputs = { 'scan-status': 'off', findings: '', 'scan-passed': '' };

type EcrImage = { target: ResolvedImage & { registry: { kind: 'ecr'; region: string; account: string } }; digest?: string };

/** The manifests of each image (one BatchGetImage per repository: indexes are opened to their platforms). */
async function manifestsOf(ecr: Ecr, images: readonly EcrImage[], digests: Map<EcrImage, string>): Promise<{ img: EcrImage; label: string; digest: string }[]> {
  const groups = new Map<string, EcrImage[]>();
  for (const img of images) {
    const key = `${img.target.registry.region}/${img.target.registry.account}/${img.target.ref.repository}`;
    groups.set(key, [...(groups.get(key) ?? []), img]);
  }
  const out = await Promise.all(
    [...groups.values()].map(async (group) => {
      const first = group[0] as EcrImage;
      const refs = group.map((g) => g.digest || g.target.ref.tag || (g.target.ref.digest as string));
      const found = await ecr.findImages({
        region: first.target.registry.region,
        account: first.target.registry.account,
        repository: first.target.ref.repository,
        tags: [...new Set(refs)],
      });
      return group.flatMap((img, n) => {
        const hit: FoundImage | undefined = found.get(refs[n] as string);
        const name = formatReference(img.target.ref);
        if (!hit) throw new ValidationError('scan-gate', `${name} does not exist, so it has no scan findings`);
        digests.set(img, hit.digest);
        const platforms = manifestsToGate(hit.digest, hit.manifest, hit.mediaType);
        return platforms.map((p) => ({ img, label: p.platform ? `${name} (${p.platform})` : name, digest: p.digest }));
      });
    }),
  );
  return out.flat();
}

/**
 * Gate the images on their ECR scan findings. `off` makes no call. Images outside private ECR
 * are named once (only ECR findings are read); under `fail` that is an error naming scan-gate.
 */
export async function scanGate(r: ScanGateRequest, deps: ScanDeps): Promise<ScanGateResult> {
  if (r.mode === 'off' || r.images.length === 0) return { outputs: SCAN_OFF, scans: [], digests: [] };
  const clock = deps.clock ?? realClock;
  const today = new Date(clock.now()).toISOString().slice(0, 10);
  const elsewhere = r.images.filter((i) => i.target.registry.kind !== 'ecr').map((i) => formatReference(i.target.ref));
  if (elsewhere.length) {
    const m = `scan-gate reads ECR scan findings only (DescribeImageScanFindings); not gated: ${elsewhere.join(', ')}`;
    if (r.mode === 'fail')
      throw new ValidationError('scan-gate', `${m}. Gate those images with their registry's own scanner and set scan-gate: warn or off here`);
    deps.log.warning(m);
  }
  const ecrImages = r.images.filter((i): i is EcrImage => i.target.registry.kind === 'ecr');
  if (ecrImages.length === 0) return { outputs: { 'scan-status': 'NOT_ECR', findings: '', 'scan-passed': '' }, scans: [], digests: [] };

  const ecr = await deps.ecr();
  const expired = r.ignores.filter((e) => e.until !== undefined && e.until < today);
  for (const e of expired) deps.log.warning(`scan-ignore: ${e.id} expired on ${e.until}: it is counted again`);

  const found = new Map<EcrImage, string>();
  const manifests = await manifestsOf(ecr, ecrImages, found);
  const digests = ecrImages.map((i) => found.get(i) ?? '');
  const scans = await Promise.all(
    manifests.map(async ({ img, label, digest }): Promise<ManifestScan> => {
      const { region, account } = img.target.registry;
      const repository = img.target.ref.repository;
      const base = {
        label,
        digest,
        counts: zeroCounts(),
        counted: [],
        ignored: [],
        breaches: [],
        url: findingsConsoleUrl(region, account, repository, digest),
      };
      let outcome;
      try {
        outcome = await waitForScan(ecr, { region, account, repository, digest }, label, r.timeoutMs, clock, deps.log);
      } catch (e) {
        // Under warn even a refused call only warns; under fail it fails the gate with its message.
        return { ...base, status: 'ERROR', problem: (e as Error).message };
      }
      if ('problem' in outcome) return { ...base, status: outcome.status, problem: outcome.problem };
      const sorted = applyIgnores(outcome.read.findings, r.ignores, today);
      const counts = countBySeverity(sorted.counted);
      deps.log.info(`${label}: ${outcome.status}: ${countsLine(counts)}${sorted.ignored.length ? ` (${sorted.ignored.length} ignored)` : ''}`);
      return { ...base, status: outcome.status, problem: '', counts, counted: sorted.counted, ignored: sorted.ignored, breaches: judge(counts, r.limits) };
    }),
  );
  const v = verdict(scans, r.limits, expired);
  const outputs = { 'scan-status': v.status, findings: countsJson(v.counts), 'scan-passed': String(v.passed) };
  if (v.passed) return { outputs, scans, verdict: v, digests };
  const message = gateMessage(r.mode, v);
  if (r.mode === 'warn') {
    deps.log.warning(message);
    return { outputs, scans, verdict: v, digests };
  }
  return { outputs, scans, verdict: v, digests, failure: new ScanGateError(message) };
}

/** The gate over one image a step pushed or found: nothing pushed (empty digest) is not gated, and says so. */
export async function gateImage(s: ScanSettings, target: ResolvedImage, digest: string, deps: ScanDeps): Promise<ScanGateResult> {
  if (s.mode === 'off') return { outputs: SCAN_OFF, scans: [], digests: [] };
  if (!digest) {
    deps.log.info('scan-gate: nothing was pushed, so there are no findings to gate');
    return { outputs: { 'scan-status': 'NOT_PUSHED', findings: '', 'scan-passed': '' }, scans: [], digests: [] };
  }
  return scanGate({ ...s, images: [{ target, digest }] }, deps);
}
