// ensure-image, the local CLI: the same core and step functions as the actions, on a
// developer's machine (AWS credentials from the SDK's default chain: profile, SSO, env).
import { parseArgs } from 'node:util';
import type { Command, Values } from './command.js';
import { cdkArgs } from './commands/cdk-args.js';
import { ensure } from './commands/ensure.js';
import { plan } from './commands/plan.js';
import { scan } from './commands/scan.js';
import { tag } from './commands/tag.js';
import { type CliDeps, stderrLog } from './deps.js';
import { EXIT, UsageError, explain } from './errors.js';

export const VERSION = '0.1.0';
export const COMMANDS: readonly Command[] = [plan, cdkArgs, ensure, tag, scan];

export const HELP = `Usage: ensure-image <command> [options]

Build a container image once per source version: the local side of the ensure-image actions.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run ensure-image <command> --help for a command's options. Every command reads the images
file (--manifest, default images.yml) the plan action reads, relative to the workspace (-C).

Exit codes:
  0  done (cdk-args: also when it falls back to usePreBuiltImages=false)
  1  git, AWS, a registry or docker failed, or a build failed
  2  a bad option, argument or manifest
  3  --strict: an image is missing or could not be checked

Version ${VERSION}.`;

/** Run one command line; returns the exit code. Errors end as one line on stderr. */
export async function main(argv: readonly string[], deps: CliDeps): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? deps.err : deps.out)(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    deps.out(VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  let manifest = 'images.yml';
  const log = stderrLog(deps, rest.includes('--verbose') || rest.includes('-v'));
  try {
    if (!command)
      throw new UsageError(`unknown command ${JSON.stringify(name)} (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see ensure-image --help)`);
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: command.positionals === true, strict: true });
    } catch (e) {
      throw new UsageError(`${(e as Error).message.split('. ')[0]} (see ensure-image ${command.name} --help)`);
    }
    if (parsed.values.help) {
      deps.out(command.help);
      return EXIT.ok;
    }
    manifest = (parsed.values.manifest as string | undefined) ?? manifest;
    return await command.run({ values: parsed.values as Values, positionals: parsed.positionals, deps, log });
  } catch (e) {
    const d = explain(e, manifest);
    for (const line of d.detail) deps.err(log.redact(`  | ${line}`));
    deps.err(log.redact(`ensure-image${command ? ` ${command.name}` : ''}: ${d.line}`));
    return d.code;
  }
}
