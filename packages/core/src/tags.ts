import { createHash } from 'node:crypto';
import { ValidationError, shown } from './errors.js';
import { validateTag } from './reference.js';

const SHA_RE = /^(?:[a-f0-9]{40}|[a-f0-9]{64})$/;
const ABBREV_RE = /^[a-f0-9]{4,64}$/;
const PREFIX_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,100}$/;

/** What resolving a tag needs, every value already validated. */
export interface ResolveTagInputs {
  prefix: string;
  source: 'commit' | 'tree';
  /** Workspace-relative, normalised paths (for `tree`). */
  paths: readonly string[];
  length: number;
  /** Commit to use instead of HEAD: a full SHA or an abbreviation (git resolves it). */
  sha?: string;
  aliases: readonly string[];
  workspace: string;
  /** GITHUB_SHA, the fallback when the workspace is no git checkout. */
  githubSha?: string;
  /** The build this tag is for, when known: with `auto`, what it reads makes the id; with hand-written paths, they are checked against it. */
  build?: TaggedBuild;
  /** `paths: auto` (source `tree`): the id covers what `build` reads, from its Dockerfile; `paths` is not used. */
  auto?: boolean;
  /** With hand-written paths and a known build: warn for each source of the Dockerfile they miss. */
  checkPaths?: boolean;
}

/** What a build reads besides files: its Dockerfile (workspace-relative), context, build args and target. */
export interface TaggedBuild {
  context: string;
  file: string;
  buildArgs: readonly { key: string; value: string }[];
  target?: string;
  /** For messages: the image's name. */
  name?: string;
}

/** The inputs `paths: auto` derived for an image, for outputs and `plan --explain`. */
export interface DerivedReads {
  dockerfile: string;
  /** The .dockerignore applied, if any. */
  dockerignore?: string;
  stages: string[];
  /** Each source with its Dockerfile line (`COPY cmd/api ./cmd/api` at line 5 -> `cmd/api`). */
  sources: { source: string; line: number; text: string }[];
  /** Why the whole context is read, naming the Dockerfile line. */
  whole?: { line: number; text: string; reason: string };
  /** Workspace-relative files read (after .dockerignore), the Dockerfile not included. */
  files: string[];
}

export interface ResolvedTag {
  tag: string;
  id: string;
  sha: string;
  /** The tag followed by its aliases. */
  tags: string[];
  /** With `paths: auto`: what the id covers. */
  reads?: DerivedReads;
}

/** A full git object id (40 or 64 hex characters), lower-cased. */
export function validateSha(input: string, sha: string): string {
  const s = sha.trim().toLowerCase();
  if (!SHA_RE.test(s)) throw new ValidationError(input, `${shown(sha)} is not a full git object id (40 or 64 hex characters)`);
  return s;
}

/** A commit as a user types it: a full SHA or an abbreviation of at least 4 hex characters (git resolves it). */
export function validateShaInput(input: string, sha: string): string {
  const s = sha.trim().toLowerCase();
  if (!ABBREV_RE.test(s))
    throw new ValidationError(input, `${shown(sha)} is not a commit SHA (4 to 64 hex characters: a full SHA or an abbreviation like abc1234)`);
  return s;
}

/** Whether a validated SHA is whole (not an abbreviation). */
export function isFullSha(sha: string): boolean {
  return SHA_RE.test(sha);
}

/** The first `length` characters of a hex id (length 0 or >= the id's length keeps it whole). */
export function shortId(id: string, length: number): string {
  return length <= 0 || length >= id.length ? id : id.slice(0, length);
}

/** A tag prefix; one trailing `-` is dropped, as `<prefix>-<id>` adds it (`cloudtak-` -> `cloudtak-abc1234`). */
export function validatePrefix(input: string, value: string): string {
  const prefix = value.endsWith('-') && !value.endsWith('--') ? value.slice(0, -1) : value;
  if (prefix !== '' && !PREFIX_RE.test(prefix)) {
    throw new ValidationError(input, `${shown(value)} is not a tag prefix (letters, digits, _ . -, at most 101, not starting with . or -)`);
  }
  return prefix;
}

/** `<prefix>-<id>`, or the bare id without a prefix. */
export function formatTag(prefix: string, id: string): string {
  return validateTag('prefix', prefix === '' ? id : `${prefix}-${id}`);
}

/** Alias tags: `latest` with prefix `api` is `api-latest`; without a prefix, `latest`. */
export function aliasTags(prefix: string, aliases: readonly string[]): string[] {
  return aliases.map((a) => validateTag('aliases', prefix === '' ? a : `${prefix}-${a}`));
}

export interface ContentId {
  path: string;
  id: string;
}

/**
 * One id for the content of several paths. A single path keeps its own git id (so it can
 * be checked with `git rev-parse HEAD:<path>`); several are combined as the sha1 of their
 * sorted `path id` lines, so the order the user wrote them in does not matter.
 */
export function combineContentIds(entries: readonly ContentId[]): string {
  if (entries.length === 0) throw new ValidationError('paths', 'at least one path is needed');
  if (entries.length === 1) return (entries[0] as ContentId).id;
  const lines = [...entries]
    .map((e) => `${e.path} ${e.id}\n`)
    .sort()
    .join('');
  return createHash('sha1').update(lines).digest('hex');
}

/** Normalise a workspace-relative path for git (`./a/` -> `a`, `.` stays). */
export function normalisePath(input: string, p: string): string {
  const parts = p
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  if (p.startsWith('/') || parts.includes('..')) {
    throw new ValidationError(input, `${shown(p)} must be a path inside the workspace, relative to it (no leading / or ..)`);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}
