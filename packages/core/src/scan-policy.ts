// The scan gate's inputs and arithmetic: severities, limits (`fail-on`), the ignore list
// (`scan-ignore`), the timeout (`scan-timeout`), counting findings and judging the counts.
import ms from 'ms';
import { ValidationError, shown } from './errors.js';

/** ECR's severities, worst first (enhanced scanning's UNTRIAGED counts as UNDEFINED). */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityCounts = Record<Severity, number>;
/** The most findings of each severity that still pass; a severity left out has no limit. */
export type Limits = Partial<Record<Severity, number>>;

export type ScanGate = 'off' | 'warn' | 'fail';
export const SCAN_GATES: readonly ScanGate[] = ['off', 'warn', 'fail'];

/** One finding, basic or enhanced, in the words the summary shows. */
export interface Finding {
  id: string;
  severity: Severity;
  package?: string;
  installed?: string;
  fixedIn?: string;
}

export interface IgnoreEntry {
  id: string;
  /** Last day the entry ignores its id (YYYY-MM-DD, inclusive); none = for good. */
  until?: string;
}

/** An ECR severity word as one of ours (any case); unknown words are UNDEFINED. */
export function toSeverity(word: string | undefined): Severity {
  const w = (word ?? '').toUpperCase();
  return (SEVERITIES as readonly string[]).includes(w) ? (w as Severity) : 'UNDEFINED';
}

export const zeroCounts = (): SeverityCounts => ({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 });

const FAIL_ON_FORM = 'a severity (critical, high, medium, low, informational: that or worse fails) or limits like critical=0,high=5';

/** `fail-on`: a severity (it and every worse one allow 0) or per-severity limits `critical=0,high=5`. */
export function parseFailOn(input: string, value: string): Limits {
  const v = value.trim();
  if (v === '') throw new ValidationError(input, `expected ${FAIL_ON_FORM}`);
  if (!v.includes('=')) {
    const at = SEVERITIES.indexOf(v.toUpperCase() as Severity);
    if (at < 0 || v.toUpperCase() === 'UNDEFINED') throw new ValidationError(input, `expected ${FAIL_ON_FORM}, got ${shown(value)}`);
    return Object.fromEntries(SEVERITIES.slice(0, at + 1).map((s) => [s, 0]));
  }
  const limits: Limits = {};
  for (const part of v
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]+)\s*=\s*(\d{1,6})$/.exec(part);
    const sev = m ? (m[1] as string).toUpperCase() : '';
    if (!m || !(SEVERITIES as readonly string[]).includes(sev)) {
      throw new ValidationError(input, `${shown(part)} is not severity=count; expected ${FAIL_ON_FORM}`);
    }
    if (sev in limits) throw new ValidationError(input, `${sev.toLowerCase()} is given twice`);
    limits[sev as Severity] = Number(m[2]);
  }
  return limits;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `scan-ignore`: one finding id a line, optionally `until YYYY-MM-DD`; `#` starts a comment. */
export function parseScanIgnore(input: string, value: string): IgnoreEntry[] {
  const out: IgnoreEntry[] = [];
  const seen = new Set<string>();
  value.split(/\r?\n/).forEach((raw, n) => {
    const line = (raw.split('#')[0] ?? '').trim();
    if (line === '') return;
    const m = /^(\S+)(?:\s+until\s+(\S+))?$/i.exec(line);
    if (!m) throw new ValidationError(input, `line ${n + 1}: expected a finding id, optionally followed by "until YYYY-MM-DD", got ${shown(line)}`);
    const id = m[1] as string;
    const until = m[2];
    if (until !== undefined && !validDate(until)) throw new ValidationError(input, `line ${n + 1}: ${shown(until)} is not a date YYYY-MM-DD`);
    if (seen.has(id.toUpperCase())) throw new ValidationError(input, `${id} is listed twice`);
    seen.add(id.toUpperCase());
    out.push({ id, ...(until ? { until } : {}) });
  });
  return out;
}

/** `scan-timeout`: a duration with a unit (`10m`, `90s`, `1h`), 0 = read once and do not wait; at most 6 hours. */
export function parseDuration(input: string, value: string): number {
  const v = value.trim();
  const form = 'a duration with a unit like 90s, 10m or 1h (0 reads once without waiting; at most 6h)';
  if (v === '0') return 0;
  const parsed = /[a-z]\s*$/i.test(v) ? ms(v as ms.StringValue) : undefined;
  if (parsed === undefined || !Number.isFinite(parsed) || parsed < 0 || parsed > 6 * 3600_000) {
    throw new ValidationError(input, `expected ${form}, got ${shown(value)}`);
  }
  return Math.round(parsed);
}

/** Which findings count, which the ignore list took out, and the entries that expired (they ignore nothing). */
export interface Sorted {
  counted: Finding[];
  ignored: Finding[];
  expired: IgnoreEntry[];
}

/** Apply the ignore list as of `today` (YYYY-MM-DD): an entry ignores its id through its `until` day. */
export function applyIgnores(findings: readonly Finding[], ignores: readonly IgnoreEntry[], today: string): Sorted {
  const live = new Set<string>();
  const expired: IgnoreEntry[] = [];
  for (const e of ignores) {
    if (e.until !== undefined && e.until < today) expired.push(e);
    else live.add(e.id.toUpperCase());
  }
  const counted: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of findings) (live.has(f.id.toUpperCase()) ? ignored : counted).push(f);
  return { counted, ignored, expired };
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const c = zeroCounts();
  for (const f of findings) c[f.severity] += 1;
  return c;
}

export interface Breach {
  severity: Severity;
  count: number;
  limit: number;
}

/** The severities whose count is over its limit, worst first; none = the counts pass. */
export function judge(counts: SeverityCounts, limits: Limits): Breach[] {
  return SEVERITIES.flatMap((s) => {
    const limit = limits[s];
    return limit !== undefined && counts[s] > limit ? [{ severity: s, count: counts[s], limit }] : [];
  });
}

/** `CRITICAL 1 (limit 0), HIGH 6 (limit 5)`. */
export function describeBreaches(b: readonly Breach[]): string {
  return b.map((x) => `${x.severity} ${x.count} (limit ${x.limit})`).join(', ');
}

/** `critical=0,high=5` (the limits as fail-on would take them back). */
export function describeLimits(l: Limits): string {
  return SEVERITIES.filter((s) => l[s] !== undefined)
    .map((s) => `${s.toLowerCase()}=${l[s]}`)
    .join(',');
}

/** The worst findings first (severity, then id), for the summary. */
export function worstFirst(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id) || (a.package ?? '').localeCompare(b.package ?? ''));
}

/** A duration as scan-timeout takes it back: `10m`, `90s`, `1h`. */
export function formatDuration(t: number): string {
  const units: [number, string][] = [
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ];
  const hit = units.find(([u]) => t > 0 && t % u === 0);
  return hit ? `${t / hit[0]}${hit[1]}` : `${t}ms`;
}
