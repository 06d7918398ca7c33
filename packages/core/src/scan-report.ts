// What the scan gate gates (each platform manifest of an index) and how it reports: the
// console link, the verdict over every gated manifest, the rows of the summary table.
import { partitionOf } from './registry.js';
import {
  type Breach,
  type Finding,
  type IgnoreEntry,
  type Limits,
  type ScanGate,
  SEVERITIES,
  type SeverityCounts,
  describeBreaches,
  describeLimits,
  worstFirst,
  zeroCounts,
} from './scan-policy.js';

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];

export interface PlatformManifest {
  /** `linux/amd64`, `linux/arm64/v8`; empty for a single-platform image. */
  platform: string;
  digest: string;
}

/**
 * The manifests to gate for an image: itself when it is a single manifest, else each platform
 * manifest of its index (the index has no findings of its own; attestations are not images).
 */
export function manifestsToGate(digest: string, manifest: string | undefined, mediaType: string | undefined): PlatformManifest[] {
  if (!manifest) return [{ platform: '', digest }];
  let doc: {
    mediaType?: string;
    manifests?: { digest?: string; platform?: { os?: string; architecture?: string; variant?: string }; annotations?: Record<string, string> }[];
  };
  try {
    doc = JSON.parse(manifest) as typeof doc;
  } catch {
    return [{ platform: '', digest }];
  }
  const type = mediaType || doc.mediaType || '';
  if (!INDEX_TYPES.includes(type) && !Array.isArray(doc.manifests)) return [{ platform: '', digest }];
  return (doc.manifests ?? [])
    .filter((m) => m.digest && m.platform?.os !== 'unknown' && m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
    .map((m) => ({ platform: [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/'), digest: m.digest as string }));
}

/** The ECR console page of an image's scan findings. */
export function findingsConsoleUrl(region: string, account: string, repository: string, digest: string): string {
  const p = partitionOf(region).name;
  const host = p === 'aws-cn' ? 'console.amazonaws.cn' : p === 'aws-us-gov' ? 'console.amazonaws-us-gov.com' : 'console.aws.amazon.com';
  return `https://${region}.${host}/ecr/repositories/private/${account}/${repository}/_/image/${digest}/scan-results?region=${region}`;
}

/** One gated manifest, as the step read it. */
export interface ManifestScan {
  /** `repo:tag`, with ` (linux/arm64)` for a platform of an index. */
  label: string;
  digest: string;
  /** ECR's last status, `TIMEOUT`, or `ERROR`. */
  status: string;
  /** Why no findings could be judged (a stop status, a timeout, ...); empty when judged. */
  problem: string;
  counts: SeverityCounts;
  counted: Finding[];
  ignored: Finding[];
  breaches: Breach[];
  url: string;
}

export interface GateVerdict {
  /** True when every manifest was judged and passed. */
  passed: boolean;
  /** What failed, one line each (all of them, not the first). */
  failures: string[];
  /** Per severity, the most any one manifest had (each manifest is judged alone). */
  counts: SeverityCounts;
  /** The statuses, distinct, comma-joined: `COMPLETE`, `ACTIVE,TIMEOUT`. */
  status: string;
}

/** The verdict over every gated manifest. `expired`: ignore entries past their day, named in the failure they cause. */
export function verdict(scans: readonly ManifestScan[], limits: Limits, expired: readonly IgnoreEntry[]): GateVerdict {
  const counts = zeroCounts();
  const failures: string[] = [];
  for (const s of scans) {
    for (const sev of SEVERITIES) counts[sev] = Math.max(counts[sev], s.counts[sev]);
    if (s.problem) failures.push(`${s.label}: ${s.problem}`);
    else if (s.breaches.length) {
      const hit = expired.filter((e) => s.counted.some((f) => f.id.toUpperCase() === e.id.toUpperCase()));
      const note = hit.length ? `; scan-ignore entries expired: ${hit.map((e) => `${e.id} (until ${e.until})`).join(', ')}` : '';
      failures.push(`${s.label}: ${describeBreaches(s.breaches)} over fail-on ${describeLimits(limits)}${note}`);
    }
  }
  return { passed: failures.length === 0, failures, counts, status: [...new Set(scans.map((s) => s.status))].join(',') };
}

/** What a failed verdict does under each gate: `fail` throws it, `warn` warns, `off` never gets here. */
export function gateMessage(mode: ScanGate, v: GateVerdict): string {
  return `scan-gate ${mode}: ${v.failures.length} image(s) did not pass:\n${v.failures.map((f) => `  ${f}`).join('\n')}`;
}

/** Counts as the `findings` output takes them: `{"CRITICAL":1,"HIGH":0,...}`. */
export const countsJson = (c: SeverityCounts): string => JSON.stringify(c);

/** The summary table of one manifest: counts, then the worst findings (ignored ones marked). */
export function scanTableRows(s: ManifestScan, worst = 10): string[][] {
  const rows: string[][] = [['severity', 'id', 'package', 'installed', 'fixed in']];
  const all = [...worstFirst(s.counted).map((f) => ({ f, ignored: false })), ...worstFirst(s.ignored).map((f) => ({ f, ignored: true }))];
  for (const { f, ignored } of all.slice(0, worst)) {
    rows.push([ignored ? `${f.severity} (ignored)` : f.severity, f.id, f.package ?? '', f.installed ?? '', f.fixedIn ?? '']);
  }
  if (all.length > worst) rows.push(['…', `${all.length - worst} more`, '', '', '']);
  return rows;
}

/** `CRITICAL 1, HIGH 6` (severities with none left out; `none` when clean). */
export function countsLine(c: SeverityCounts): string {
  const parts = SEVERITIES.filter((s) => c[s] > 0).map((s) => `${s} ${c[s]}`);
  return parts.length ? parts.join(', ') : 'none';
}
