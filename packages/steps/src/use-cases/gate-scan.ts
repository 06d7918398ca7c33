// scan-gate's use case: one image gated on its ECR scan findings.
import { type ImageInputs, type RegionEnv, type StepReport, formatReference } from '@ensure-image/core';
import { type ScanDeps, type ScanOutputs, type ScanSettings, scanGate } from '../scan.js';
import { resolveTarget } from '../target.js';

export interface GateScanRequest {
  image: ImageInputs;
  scan: ScanSettings;
}

export type GateScanOutputs = ScanOutputs & { image: string; digest: string };

export async function gateScan(r: GateScanRequest, deps: ScanDeps & { env: RegionEnv }): Promise<StepReport<GateScanOutputs>> {
  const target = await resolveTarget(r.image, deps, deps.env);
  const scan = await scanGate({ ...r.scan, images: [{ target }] }, deps);
  const image = formatReference(target.ref);
  const digest = scan.digests[0] ?? '';
  return {
    outputs: { ...scan.outputs, image, digest },
    scan: { mode: r.scan.mode, ...scan },
  };
}
