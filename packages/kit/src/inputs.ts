import * as core from '@actions/core';

/** A trimmed input as the runner passed it (`INPUT_<NAME>`); empty when unset. */
export function getInput(name: string): string {
  return core.getInput(name).trim();
}

/** An input kept line by line (for key=value lists); only surrounding blank space is cut. */
export function getMultiline(name: string): string {
  return core.getInput(name, { trimWhitespace: false }).replace(/^\s*\n|\n\s*$/g, '');
}
