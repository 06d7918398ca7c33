import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { ActionsDirCache } from '@ensure-image/adapters/cache';
import { DockerCli } from '@ensure-image/adapters/docker';
import { GitCli } from '@ensure-image/adapters/git';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import * as path from 'node:path';
import { defaultImagePaths, expandTags, withRevision } from '@ensure-image/core';
import { guarded, log, setOutputs, writeScanSummary, writeSummary } from '@ensure-image/runner';
import { buildPush, gateImage, judgeWorktree, platformRows, platformsJson, resolveTarget, worktreeChanges } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const i = readInputs();
  // The revision label: the commit checked out (what resolve-tag tags by default), else GITHUB_SHA.
  const git = new GitCli();
  // What the image is built from: its context, and its Dockerfile when outside it.
  const rel = (p: string): string => path.relative(i.workspace, p) || '.';
  const [image, head, [changes = []]] = await Promise.all([
    resolveTarget(i.image, { ecr: loadSdkEcr, log }, process.env),
    git.revParse(i.workspace, ['HEAD']).then(
      ([sha]) => sha,
      () => process.env.GITHUB_SHA,
    ),
    i.dirty === 'ignore' ? [[]] : worktreeChanges(i.workspace, [defaultImagePaths(rel(i.settings.context), rel(i.settings.file))], git),
  ]);
  judgeWorktree(i.dirty, [{ name: i.name || image.ref.repository, tag: image.ref.tag ?? '', files: changes.map((c) => c.path) }], log);
  const plan = { ...withRevision(i.settings, head), extraRefs: expandTags('tags', image.ref, i.tags) };
  const r = await buildPush(
    {
      image,
      plan,
      cache: i.cache,
      skipIfExists: i.skipIfExists,
      runnerTemp: i.runnerTemp,
      act: i.act,
      ...(i.credentials ? { credentials: i.credentials } : {}),
      ...(i.name ? { name: i.name } : {}),
      ...(i.createRepository ? { createRepository: i.createRepository } : {}),
      missingRepository: i.missingRepository,
      platformJob: i.platformJob,
    },
    { docker: new DockerCli(), log, ecr: loadSdkEcr, registry: new HttpRegistry(), cache: new ActionsDirCache() },
  );
  // Gated whether built or skipped: an image built last week gains CVEs while it sits in the registry.
  const scan = await gateImage(i.scan, image, r.digest, { ecr: loadSdkEcr, log });
  setOutputs({
    built: r.built,
    digest: r.digest,
    image: r.image,
    'image-digest': r.imageDigest,
    metadata: r.metadata,
    platforms: platformsJson(r, i.settings.platforms),
    ...scan.outputs,
  });
  await writeSummary('Build and push', [
    ['image', r.image],
    ['result', r.existed ? 'existed: build skipped' : r.built ? `built (${r.builder})` : 'pushed by another run'],
    ['digest', r.digest],
    ...(r.repointed.length ? ([['re-pointed', r.repointed.join(', ')]] as [string, string][]) : []),
    ...platformRows(r),
  ]);
  writeScanSummary(scan.scans, scan.verdict, i.scan.mode);
  if (scan.failure) throw scan.failure;
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
