// The runner's side of the protocol, written out: inputs from INPUT_* variables, outputs and
// state appended to the GITHUB_OUTPUT / GITHUB_STATE files as heredocs, workflow commands on
// stdout (::add-mask::, ::warning::, ...), the job summary appended to GITHUB_STEP_SUMMARY.
//
// Why not @actions/core: v3 bundles @actions/http-client and undici for OIDC, which no action
// here uses; loading them was 70 of the 100 ms each action spent before doing anything
// (bench/README.md). The formats below are the runner's documented ones.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/** Escape a workflow command's message (`%`, CR and LF). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}

/** `INPUT_<NAME>`: upper-cased, spaces to `_`, hyphens kept. Empty when unset. */
export function rawInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}

/** Append `name<<delimiter` / value / delimiter to a file command (GITHUB_OUTPUT, GITHUB_STATE). */
function fileCommand(variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE', name: string, value: string): void {
  const file = process.env[variable];
  if (!file) {
    // Outside a runner (a plain `node dist/index.js`), show what would have been set.
    process.stdout.write(`${variable === 'GITHUB_OUTPUT' ? 'output' : 'state'} ${name}=${value}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`${name}: value contains the delimiter`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

export function setOutput(name: string, value: string): void {
  fileCommand('GITHUB_OUTPUT', name, value);
}

export function saveState(name: string, value: string): void {
  fileCommand('GITHUB_STATE', name, value);
}

/** The post step sees the main step's state as `STATE_<name>`. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/** Mask a secret in every later log line (each line of a multi-line secret too). */
export function setSecret(value: string): void {
  if (value === '') return;
  command('add-mask', value);
  for (const line of value.split(/\r?\n/)) if (line !== '' && line !== value) command('add-mask', line);
}

export const info = (message: string): void => void process.stdout.write(`${message}${EOL}`);
export const warning = (message: string): void => command('warning', message);
export const notice = (message: string): void => command('notice', message);
export const error = (message: string): void => command('error', message);
export const debug = (message: string): void => command('debug', message);

/** Fail the step: an error annotation and (unless told otherwise) exit code 1. */
export function setFailed(message: string, exitCode = true): void {
  if (exitCode) process.exitCode = 1;
  error(message);
}

/** Append markdown/HTML to the job summary; false outside a runner. */
export function appendSummary(text: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, text, 'utf8');
  return true;
}
