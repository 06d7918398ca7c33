// An image and its tag turned into a build, the one way every entry point does it: the
// revision label from the commit the tag names, the references the tag brings (resolve-tag's
// aliases, the user's extra tags), the build unless the image exists, and the summary's rows.
import * as path from 'node:path';
import { type SummaryRow, dockerfilePath, expandTags, withRevision } from '@ensure-image/core';
import { type BuildDeps, type BuildRequest, type BuildResult, buildPush } from './build.js';
import type { PlannedImage } from './plan.js';
import { platformRows } from './platforms.js';

export interface BuildFromTag extends Omit<BuildRequest, 'extraRefs'> {
  /** The commit the tag was taken from: the `org.opencontainers.image.revision` label (unknown: none). */
  revision: string | undefined;
  /** resolve-tag's tags after the first (`<prefix>-latest`), bare: they follow the image. */
  aliases?: readonly string[];
  /** The user's extra tags, bare (this repository) or full references. */
  tags?: readonly string[];
}

export function buildFromTag(b: BuildFromTag, deps: BuildDeps): Promise<BuildResult> {
  const { revision, aliases = [], tags = [], ...request } = b;
  const extraRefs = [...expandTags('aliases', b.image.ref, aliases), ...expandTags('tags', b.image.ref, tags)];
  return buildPush({ ...request, settings: withRevision(b.settings, revision), extraRefs }, deps);
}

/** What happened to the image, in words. */
export function buildOutcome(r: BuildResult, push: boolean): string {
  if (r.existed) return 'existed: build skipped';
  if (!r.built) return 'pushed by another run';
  return `${push ? 'built and pushed' : 'built'} (${r.builder})`;
}

/** The job summary's rows for one build, after the image's own row. */
export function buildRows(r: BuildResult, push: boolean): SummaryRow[] {
  return [
    ['result', buildOutcome(r, push)],
    ['digest', r.digest],
    ...(r.repointed.length ? [['re-pointed', r.repointed.join(', ')] as const] : []),
    ...platformRows(r),
  ];
}

/** A manifest image the plan found missing, as a build: its paths under the workspace, its tag's commit and aliases. */
export function plannedBuild(p: PlannedImage, o: { workspace: string; push: boolean; runnerTemp: string }): BuildFromTag {
  const { spec } = p;
  return {
    image: p.target,
    settings: {
      context: path.resolve(o.workspace, spec.context),
      file: path.resolve(o.workspace, dockerfilePath(spec.context, spec.file)),
      buildArgs: spec.buildArgs,
      labels: [],
      platforms: spec.platforms,
      ...(spec.target ? { target: spec.target } : {}),
      provenance: false,
      push: o.push,
      cache: 'none',
    },
    revision: p.tag.sha,
    aliases: p.tag.tags.slice(1),
    skipIfExists: false,
    runnerTemp: o.runnerTemp,
    act: false,
  };
}
