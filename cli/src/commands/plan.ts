import { listFiles } from '@ensure-image/core';
import { type PlannedImage, planImages } from '@ensure-image/steps';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { MANIFEST_FLAGS, loadManifest, manifestOptions, planInputs } from '../manifest.js';
import { explainLines } from '../explain.js';
import { table } from '../table.js';

export const COMMON_HELP = `  -m, --manifest FILE  images file, relative to the workspace (default images.yml); or a compose
                       file, a bake file (needs docker buildx), or auto (images.yml, then docker's
                       lookup order: compose.yaml ... docker-bake.hcl)
      --targets LIST   bake targets or groups, or compose services, to take (default: all)
      --source S       commit or tree: how tags are derived (as the plan action's source; default commit)
      --length N       hex characters of the id in each tag (default 7)
  -C, --dir DIR        the workspace: manifest, contexts and paths are relative to it (default .)
  -v, --verbose        also print what the steps do (logins, account lookups, cache choice)
  -h, --help           this text`;

/** One stderr line per image built from an edited checkout: its `-dirty-` tag and the changed files. */
export function warnUncommitted(planned: readonly PlannedImage[], err: (line: string) => void): void {
  for (const p of planned.filter((x) => x.changes.length)) {
    err(`ensure-image: ${p.spec.name} has uncommitted changes to its inputs (${listFiles(p.changes)}): tagged ${p.tag.tag}, not the commit's tag`);
  }
}

export const plan: Command = {
  name: 'plan',
  summary: 'table of every image of the manifest: tag, exists or missing, digest',
  help: `Usage: ensure-image plan [options]

Resolve every image's tag at HEAD and check the registry (one ECR call per repository).
An image whose inputs hold uncommitted changes (modified, staged, deleted or untracked files)
gets a <prefix>-<id>-dirty-<hash> tag instead: the commit's image is not what this checkout
builds.
Prints a table of name, image, tag, status (exists/missing) and digest; --json prints the
same as a JSON array (the plan action's images output).

Options:
      --json           JSON array of {name, image, tag, exists, digest}
      --strict         exit 3 when any image is missing
      --explain        also say what each tag covers: with --source tree and no paths, the
                       Dockerfile's stages, sources (with their lines) and the files read
${COMMON_HELP}`,
  options: {
    ...MANIFEST_FLAGS,
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
  async run({ values, deps, log }) {
    const o = manifestOptions(values, deps.cwd);
    const images = await loadManifest(o, deps.env);
    const planned = await planImages(planInputs(images, o), { ...deps, log }, deps.env, { missingRepository: 'absent', dirty: 'tag', checkPaths: true });
    if (values.json) {
      const json = planned.map((p) => ({
        name: p.spec.name,
        image: p.image,
        tag: p.tag.tag,
        exists: p.exists,
        digest: p.digest,
        ...(p.changes.length ? { uncommitted: p.changes } : {}),
        ...(p.tag.reads ? { inputs: p.tag.reads } : {}),
      }));
      deps.out(JSON.stringify(json, null, 2));
    } else {
      const status = (p: (typeof planned)[number]): string => `${p.exists ? 'exists' : 'missing'}${p.changes.length ? ' (uncommitted)' : ''}`;
      const rows = planned.map((p) => [p.spec.name, p.image, p.tag.tag, status(p), p.digest || '-']);
      for (const line of table([['NAME', 'IMAGE', 'TAG', 'STATUS', 'DIGEST'], ...rows])) deps.out(line);
    }
    if (values.explain) for (const line of explainLines(planned, o.source)) (values.json ? deps.err : deps.out)(line);
    warnUncommitted(planned, deps.err);
    return values.strict && planned.some((p) => !p.exists) ? EXIT.missing : EXIT.ok;
  },
};
