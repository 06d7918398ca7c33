// `keep-tag`: a compose service (`x-ensure-image: { keep-tag: true }`) or a bake target
// (`ensure-image.keep-tag = "true"` label) that keeps its own first tag instead of ensure-image's
// `<prefix>-<id>`. Such a tag does not describe the source: plan checks and skips by it as written.
import { ManifestError, ValidationError, shown } from './errors.js';
import { parseReference } from './reference.js';

export const KEEP_TAG = 'keep-tag';

/** `true`/`false` (compose) or `"true"`/`"false"` (a bake label); anything else names the field. */
export function keepTagValue(file: string, where: string, v: unknown): boolean {
  if (v === undefined || v === false || v === 'false') return false;
  if (v === true || v === 'true') return true;
  throw new ManifestError(file, where, `${shown(typeof v === 'string' ? v : JSON.stringify(v))} is not true or false`);
}

/**
 * Takes `keep-tag` out of an entry's own settings (parseManifest does not know it) and, when set,
 * gives the tag of its first tag as written: that tag must be there (`:<tag>`), since docker's
 * implicit `latest` would be checked once and skipped forever.
 */
export function takeKeepTag(file: string, where: string, own: Record<string, unknown>, tag: unknown, tagField: string): string | undefined {
  const keep = keepTagValue(file, `${where}.${KEEP_TAG}`, own[KEEP_TAG]);
  delete own[KEEP_TAG];
  if (!keep) return undefined;
  if (typeof tag !== 'string' || tag === '')
    throw new ManifestError(file, `${where}.${KEEP_TAG}`, `keeps the entry's own tag, and it has none: give ${tagField} a tag (<repository>:<tag>)`);
  let ref;
  try {
    ref = parseReference('tags', tag);
  } catch (e) {
    throw new ManifestError(file, tagField, e instanceof ValidationError ? e.detail : String(e));
  }
  if (ref.tag === undefined) throw new ManifestError(file, tagField, `${shown(tag)} has no tag to keep (${KEEP_TAG}): write <repository>:<tag>`);
  return ref.tag;
}
