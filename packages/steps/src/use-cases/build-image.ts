// build-push's use case: build and push one image unless its tag exists, labelled with the
// commit checked out, then gate it on its scan.
import * as path from 'node:path';
import type { Git } from '@ensure-image/adapters/git';
import { type BuildSettings, type DirtyMode, type ImageInputs, type RegionEnv, type StepReport, defaultImagePaths } from '@ensure-image/core';
import type { BuildDeps, PushSettings } from '../build.js';
import { buildFromTag, buildRows } from '../build-from-tag.js';
import { platformsJson } from '../platforms.js';
import { type ScanOutputs, type ScanSettings, gateImage } from '../scan.js';
import { resolveTarget } from '../target.js';
import { judgeWorktree, worktreeChanges } from '../worktree.js';

export interface BuildImageRequest {
  image: ImageInputs;
  settings: BuildSettings;
  /** More tags (bare or full references), expanded once the image is resolved. */
  tags: readonly string[];
  skipIfExists: boolean;
  push: PushSettings;
  workspace: string;
  /** The image's name (cache scope); empty: from the tag. */
  name: string;
  dirty: DirtyMode;
  /** The scan gate over the image pushed or found (off: no call). */
  scan: ScanSettings;
}

export interface BuildImageDeps extends BuildDeps {
  git: Git;
  env: RegionEnv & { GITHUB_SHA?: string | undefined };
}

export type BuildImageOutputs = {
  built: boolean;
  digest: string;
  image: string;
  'image-digest': string;
  metadata: string;
  platforms: string;
} & ScanOutputs;

export async function buildImage(r: BuildImageRequest, deps: BuildImageDeps): Promise<StepReport<BuildImageOutputs>> {
  // What the image is built from: its context, and its Dockerfile when outside it.
  const rel = (p: string): string => path.relative(r.workspace, p) || '.';
  const [image, head, [changes = []]] = await Promise.all([
    resolveTarget(r.image, deps, deps.env),
    // The revision label: the commit checked out (what resolve-tag tags by default), else GITHUB_SHA.
    deps.git.revParse(r.workspace, ['HEAD']).then(
      ([sha]) => sha,
      () => deps.env.GITHUB_SHA,
    ),
    r.dirty === 'ignore' ? [[]] : worktreeChanges(r.workspace, [defaultImagePaths(rel(r.settings.context), rel(r.settings.file))], deps.git),
  ]);
  judgeWorktree(r.dirty, [{ name: r.name || image.ref.repository, tag: image.ref.tag ?? '', files: changes.map((c) => c.path) }], deps.log);
  const result = await buildFromTag(
    { ...r.push, image, settings: r.settings, revision: head, tags: r.tags, skipIfExists: r.skipIfExists, ...(r.name ? { name: r.name } : {}) },
    deps,
  );
  // Gated whether built or skipped: an image built last week gains CVEs while it sits in the registry.
  const scan = await gateImage(r.scan, image, result.digest, deps);
  return {
    outputs: {
      built: result.built,
      digest: result.digest,
      image: result.image,
      'image-digest': result.imageDigest,
      metadata: result.metadata,
      platforms: platformsJson(result, r.settings.platforms),
      ...scan.outputs,
    },
    summary: { title: 'Build and push', rows: [['image', result.image], ...buildRows(result, r.settings.push)] },
    scan: { mode: r.scan.mode, ...scan },
  };
}
