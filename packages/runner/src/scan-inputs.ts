// The scan gate's inputs, shared by the root action, build-push, plan and actions/scan-gate.
import {
  type ImageInputs,
  type RegionEnv,
  SCAN_GATES,
  type ScanGate,
  ValidationError,
  needsAccount,
  parseDuration,
  parseFailOn,
  parseScanIgnore,
  resolveImage,
} from '@ensure-image/core';
import { type Values, input } from './declare.js';

export const SCAN_INPUTS = {
  'scan-gate': input.choice(SCAN_GATES, 'off'),
  'fail-on': input.parsed('critical', parseFailOn),
  'scan-ignore': input.parsed('', parseScanIgnore, { multiline: true }),
  'scan-timeout': input.parsed('10m', parseDuration),
};

/** The scan inputs as read (types inferred from the declarations). */
export type ScanValues = Values<typeof SCAN_INPUTS>;

/** The gate's settings, as scanGate takes them. */
export function scanSettings(v: ScanValues) {
  return { mode: v['scan-gate'], limits: v['fail-on'], ignores: v['scan-ignore'], timeoutMs: v['scan-timeout'] };
}

/**
 * `scan-gate: fail` on a registry known now to be outside private ECR is refused before any
 * call: only ECR findings are read, and the gate must not pass silently.
 */
export function refuseUnscannable(mode: ScanGate, image: ImageInputs, env: RegionEnv): void {
  // Without a registry, account or image the convention is the caller's private ECR.
  if (mode !== 'fail' || needsAccount(image)) return;
  const { registry: info, ref } = resolveImage({ tag: 'x', ...image }, env);
  const registry = ref.registry;
  if (info.kind !== 'ecr') {
    throw new ValidationError(
      'scan-gate',
      `fail reads ECR scan findings only, and ${registry} is not a private ECR registry: set scan-gate: warn or off, or gate the image with its registry's scanner`,
    );
  }
}
