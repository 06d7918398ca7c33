import { setOutput } from './runner.js';

/** Set every output at once; `undefined` becomes the empty string so each output always exists. */
export function setOutputs(outputs: Record<string, string | boolean | number | undefined>): void {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value === undefined ? '' : String(value));
}
