import { ValidationError, shown } from './errors.js';
import { parseReference, validateTag } from './reference.js';

/** Strict boolean: `true` or `false` in any case; empty takes the default. */
export function parseBoolean(input: string, value: string, fallback?: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === '' && fallback !== undefined) return fallback;
  throw new ValidationError(input, `expected true or false, got ${shown(value)}`);
}

/** A list of names separated by newlines or commas; trimmed, empties dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface KeyValue {
  key: string;
  value: string;
}

const KEY_RE = /^[A-Za-z0-9_.:@/-][A-Za-z0-9_.:@/ -]*$/;

/**
 * `key=value` pairs, one per line (values may hold commas and `=`: split at the first `=`).
 * Blank lines and lines starting with `#` are skipped. Keys must be unique.
 */
export function parseKeyValues(input: string, value: string): KeyValue[] {
  const out: KeyValue[] = [];
  const seen = new Set<string>();
  value.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? '' : line.slice(0, eq).trim();
    if (eq <= 0 || !KEY_RE.test(key)) {
      throw new ValidationError(input, `line ${i + 1} must be key=value (one pair per line), got ${shown(line)}`);
    }
    if (seen.has(key)) throw new ValidationError(input, `key ${shown(key)} is given twice`);
    seen.add(key);
    out.push({ key, value: line.slice(eq + 1).trim() });
  });
  return out;
}

/** An integer within [min, max]; empty takes the default. */
export function parseInteger(input: string, value: string, fallback: number, min: number, max: number): number {
  const v = value.trim();
  if (v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new ValidationError(input, `expected a whole number from ${min} to ${max}, got ${shown(value)}`);
  }
  return Number(v);
}

/** One of a fixed set of words (case-insensitive); empty takes the default. */
export function parseChoice<T extends string>(input: string, value: string, choices: readonly T[], fallback: T): T {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  const hit = choices.find((c) => c === v);
  if (hit === undefined) throw new ValidationError(input, `expected one of ${choices.join(', ')}, got ${shown(value)}`);
  return hit;
}

const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
const STAGE_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Build platforms, `os/arch[/variant]`, comma- or newline-separated. */
export function parsePlatforms(input: string, value: string): string[] {
  return parseList(value).map((p) => {
    if (!PLATFORM_RE.test(p)) throw new ValidationError(input, `${shown(p)} is not a platform (os/arch[/variant], like linux/amd64 or linux/arm64/v8)`);
    return p;
  });
}

/** A Dockerfile stage name (`--target`); empty means the last stage. */
export function validateStage(input: string, value: string): string {
  if (value !== '' && !STAGE_RE.test(value))
    throw new ValidationError(input, `${shown(value)} is not a Dockerfile stage name (a letter, then letters, digits, _ . -)`);
  return value;
}

/**
 * More tags for an image (`tags` inputs), comma- or newline-separated: bare tags (`api-latest`)
 * for the same repository, or full references (with a `/` or `:`). Checked now, expanded
 * against the image once it is known (`expandTags`).
 */
export function parseExtraTags(input: string, value: string): string[] {
  const entries = parseList(value);
  for (const e of entries) {
    if (e.includes('/') || e.includes(':')) parseReference(input, e);
    else validateTag(input, e);
  }
  return entries;
}
