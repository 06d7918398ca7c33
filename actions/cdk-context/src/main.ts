import { cdkContext, decidePrebuilt } from '@ensure-image/core';
import { guarded, log, setOutputs, writeSummary } from '@ensure-image/runner';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const i = readInputs();
  const prebuilt = decidePrebuilt(i['use-prebuilt'], i.images);
  if (prebuilt.reason) log.warning(prebuilt.reason);
  const c = cdkContext({ flag: i.flag, usePrebuilt: prebuilt.value, images: i.images, keySuffix: i['key-suffix'], extra: i.extra });
  setOutputs({ args: c.shell, 'args-json': JSON.stringify(c.argv), json: JSON.stringify(c.json), 'use-prebuilt': prebuilt.value });
  await writeSummary('CDK context', [
    ['use pre-built images', String(prebuilt.value)],
    ['args', c.shell],
  ]);
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
