// plan's use case: every image of the manifest tagged and looked up at once; the matrix of
// what to build, the merges after it, and the CDK args, with present images gated on their scans.
import type { Ecr } from '@ensure-image/adapters/aws';
import type { Git } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import type { Registry } from '@ensure-image/adapters/oci';
import { type DirtyMode, type KeyValue, type ManifestImage, type RegionEnv, type RepositorySettings, type StepReport, cdkContext } from '@ensure-image/core';
import { type PlannedImage, planImages } from '../plan.js';
import { mergeMatrix, platformMatrix } from '../plan-platforms.js';
import { type ScanOutputs, type ScanSettings, scanGate } from '../scan.js';

export interface PlanManifestRequest {
  workspace: string;
  images: ManifestImage[];
  source: 'commit' | 'tree';
  length: number;
  flag: string;
  keySuffix: string;
  missingRepository: 'error' | 'absent';
  createRepository?: RepositorySettings;
  retag: boolean;
  githubSha?: string;
  manifest: string;
  dirty: DirtyMode;
  /** The scan gate over every image found present (off: no call). */
  scan: ScanSettings;
  /** Runner label per platform prefix, for the matrix entries. */
  runner: KeyValue[];
}

export type PlanManifestOutputs = ScanOutputs & {
  matrix: string;
  merges: string;
  missing: string;
  images: string;
  'cdk-args': string;
  'cdk-args-json': string;
};

/** The CDK arguments of the planned images; called with stand-in tags while reading inputs, so a colliding flag fails first. */
export const planCdkArgs = (r: Pick<PlanManifestRequest, 'flag' | 'keySuffix'>, images: readonly { name: string; tag: string }[]) =>
  cdkContext({ flag: r.flag, usePrebuilt: true, images, keySuffix: r.keySuffix, extra: [], inputs: { images: 'manifest' } });

/** One line per image: what its tag covers (source `tree`), then whether it is there. */
function logPlan(planned: readonly PlannedImage[], log: Log): void {
  for (const p of planned) {
    const reads = p.tag.reads;
    if (reads)
      log.info(
        `${p.spec.name} reads ${reads.whole ? `its whole context (line ${reads.whole.line})` : reads.sources.map((s) => s.source).join(', ') || 'nothing'} from ${reads.dockerfile}`,
      );
  }
  for (const p of planned) {
    const lacks = p.missingPlatforms?.length ? ` (lacks ${p.missingPlatforms.join(', ')})` : '';
    const moved = p.repointed.length ? ` (re-pointed ${p.repointed.join(', ')})` : '';
    log.info(`${p.exists ? 'exists ' : 'missing'} ${p.image}${p.digest ? ` ${p.digest}` : ''}${lacks}${moved}`);
  }
}

export async function planManifest(
  r: PlanManifestRequest,
  deps: { git: Git; ecr: () => Promise<Ecr>; registry: Registry; log: Log; env: RegionEnv },
): Promise<StepReport<PlanManifestOutputs>> {
  const { missingRepository, createRepository, retag, dirty } = r;
  const planned = await planImages(r, deps, deps.env, {
    missingRepository,
    retag,
    checkPaths: true,
    dirty,
    repositoryInputs: ['create-repository', 'missing-repository'],
    ...(createRepository ? { create: createRepository } : {}),
  });
  logPlan(planned, deps.log);
  const missing = planned.filter((p) => !p.exists).map((p) => p.spec.name);
  const cdk = planCdkArgs(
    r,
    planned.map((p) => ({ name: p.spec.name, tag: p.tag.tag })),
  );
  // Over GitHub's matrix limit: fails here, before any build.
  const matrix = platformMatrix(planned, r.runner);
  // Every image found present is gated (the missing ones are gated where they are built), all failures together.
  const scan = await scanGate({ ...r.scan, images: planned.filter((p) => p.exists).map((p) => ({ target: p.target, digest: p.digest })) }, deps);
  const images = planned.map((p) => ({
    name: p.spec.name,
    image: p.image,
    tag: p.tag.tag,
    exists: p.exists,
    digest: p.digest,
    repointed: p.repointed,
    ...(p.missingPlatforms ? { 'missing-platforms': p.missingPlatforms } : {}),
    ...(p.tag.reads ? { inputs: p.tag.reads } : {}),
  }));
  return {
    outputs: {
      ...scan.outputs,
      matrix: JSON.stringify(matrix),
      merges: JSON.stringify(mergeMatrix(planned)),
      missing: missing.join(','),
      images: JSON.stringify(images),
      'cdk-args': cdk.shell,
      'cdk-args-json': JSON.stringify(cdk.argv),
    },
    summary: {
      title: `Image plan: ${missing.length} of ${planned.length} to build`,
      rows: planned.map((p) => [p.spec.name, `${p.exists ? 'exists' : 'to build'}: ${p.image}`] as const),
    },
    scan: { mode: r.scan.mode, ...scan },
  };
}
