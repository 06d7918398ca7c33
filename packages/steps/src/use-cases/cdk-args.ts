// cdk-context's use case: the `--context` arguments for the images, pre-built or not.
import { type CdkImage, type KeyValue, type StepReport, cdkContext, decidePrebuilt } from '@ensure-image/core';
import type { Log } from '@ensure-image/adapters/log';

export interface CdkArgsRequest {
  images: readonly CdkImage[];
  usePrebuilt: 'true' | 'false' | 'auto';
  flag: string;
  keySuffix: string;
  extra: readonly KeyValue[];
}

export type CdkArgsOutputs = { args: string; 'args-json': string; json: string; 'use-prebuilt': boolean };

export function cdkArgs(r: CdkArgsRequest, deps: { log: Log }): StepReport<CdkArgsOutputs> {
  const prebuilt = decidePrebuilt(r.usePrebuilt, r.images);
  if (prebuilt.reason) deps.log.warning(prebuilt.reason);
  const c = cdkContext({ flag: r.flag, usePrebuilt: prebuilt.value, images: r.images, keySuffix: r.keySuffix, extra: r.extra });
  return {
    outputs: { args: c.shell, 'args-json': JSON.stringify(c.argv), json: JSON.stringify(c.json), 'use-prebuilt': prebuilt.value },
    summary: {
      title: 'CDK context',
      rows: [
        ['use pre-built images', String(prebuilt.value)],
        ['args', c.shell],
      ],
    },
  };
}
