// `keep-tag` (a compose `x-ensure-image` key, a bake `ensure-image.keep-tag` label): the image is
// checked and skipped by its own tag as written, not by `<prefix>-<id>`. That tag does not describe
// the source, so the team owns its versioning: plan says so, naming the image, each time.
import type { Log } from '@ensure-image/adapters/log';
import type { ManifestImage } from '@ensure-image/core';
import type { ResolvedTag } from './resolve-tag.js';

/** The image's tag: its own (`keep-tag`) in place of the resolved `<prefix>-<id>`, aliases kept. */
export function keptTag(spec: ManifestImage, tag: ResolvedTag, log: Log): ResolvedTag {
  if (spec.fixedTag === undefined) return tag;
  const say = `${spec.name}: keep-tag: checked and skipped by its own tag ${spec.repository}:${spec.fixedTag} as written, not by what the build reads (${tag.tag}); change that tag to rebuild`;
  if (log.notice) log.notice(say);
  else log.info(say);
  return { ...tag, tag: spec.fixedTag, tags: [spec.fixedTag, ...tag.tags.slice(1)] };
}
