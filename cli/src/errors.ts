import { ValidationError } from '@ensure-image/core';

/** Documented exit codes (README "Local development", `ensure-image --help`). */
export const EXIT = {
  ok: 0,
  /** git, AWS, a registry or docker failed; a build failed. */
  failed: 1,
  /** A bad option, argument or manifest. */
  usage: 2,
  /** `--strict`: an image is missing, or could not be checked. */
  missing: 3,
} as const;

/** A bad command line: unknown option, missing argument. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Flags by the input names the shared validators use. */
const FLAG: Record<string, string> = {
  source: '--source',
  length: '--length',
  prefix: '--prefix',
  paths: '--paths',
  flag: '--flag',
  'key-suffix': '--key-suffix',
};

/** One line saying what was wrong, in the CLI's words (flags, the manifest file), and its exit code. */
export function explain(e: unknown, manifest: string): { line: string; detail: string[]; code: number } {
  if (e instanceof UsageError) return { line: e.message, detail: [], code: EXIT.usage };
  if (e instanceof ValidationError) {
    // A manifest error that names its file and field itself (`images.yml: images[0].repository: ...`).
    if (!e.message.startsWith('Input "')) return { line: e.message, detail: [], code: EXIT.usage };
    const where = e.input === 'manifest' ? manifest : (FLAG[e.input] ?? e.input);
    // The file is named once: `images.yml: cannot be read`, not `images.yml: "images.yml" cannot be read`.
    const detail = e.input === 'manifest' ? e.detail.replace(`${JSON.stringify(manifest)} `, '') : e.detail;
    return { line: `${where}: ${detail}`, detail: [], code: EXIT.usage };
  }
  const [first, ...rest] = (e instanceof Error ? e.message : String(e)).split('\n');
  return { line: first ?? 'failed', detail: rest.filter((l) => l.trim() !== ''), code: EXIT.failed };
}
