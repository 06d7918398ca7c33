import { rawInput } from './runner.js';

/** A trimmed input as the runner passed it (`INPUT_<NAME>`); empty when unset. */
export function getInput(name: string): string {
  return rawInput(name).trim();
}

/** An input kept line by line (for key=value lists); only surrounding blank lines are cut. */
export function getMultiline(name: string): string {
  return rawInput(name).replace(/^\s*\n|\n\s*$/g, '');
}
