import { createHash } from 'node:crypto';
import { ValidationError, shown } from './errors.js';
import { TAG_RE, validateTag } from './reference.js';

const SHA_RE = /^(?:[a-f0-9]{40}|[a-f0-9]{64})$/;
const PREFIX_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,100}$/;

export function validateSha(input: string, sha: string): string {
  const s = sha.trim().toLowerCase();
  if (!SHA_RE.test(s)) throw new ValidationError(input, `${shown(sha)} is not a full git object id (40 or 64 hex characters)`);
  return s;
}

/** The first `length` characters of a hex id (length 0 or >= the id's length keeps it whole). */
export function shortId(id: string, length: number): string {
  return length <= 0 || length >= id.length ? id : id.slice(0, length);
}

export function validatePrefix(input: string, prefix: string): string {
  if (prefix !== '' && !PREFIX_RE.test(prefix)) {
    throw new ValidationError(input, `${shown(prefix)} is not a tag prefix (letters, digits, _ . -, at most 101, not starting with . or -)`);
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

/** The id part of a `<prefix>-<id>` tag: the text after its last `-`. */
export function idOfTag(tag: string): string {
  const dash = tag.lastIndexOf('-');
  return dash < 0 ? tag : tag.slice(dash + 1);
}

/** A sibling image's tag sharing the same source id: `cloudtak-abc1234` -> `events-abc1234`. */
export function siblingTag(tag: string, prefix: string): string {
  if (!TAG_RE.test(tag)) throw new ValidationError('tag', `${shown(tag)} is not a valid tag`);
  return formatTag(validatePrefix('prefix', prefix), idOfTag(tag));
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
  const parts = p.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  if (p.startsWith('/') || parts.includes('..')) {
    throw new ValidationError(input, `${shown(p)} must be a path inside the workspace, relative to it (no leading / or ..)`);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}
