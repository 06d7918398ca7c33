import { ValidationError, listFiles, normalisePath, parseList, shown, validatePrefix } from '@ensure-image/core';
import { imageTagInputs, inspectWorktree, keptTag, resolveTag } from '@ensure-image/steps';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { MANIFEST_FLAGS, loadManifest, manifestOptions } from '../manifest.js';
import { COMMON_HELP } from './plan.js';

export const tag: Command = {
  name: 'tag',
  summary: 'the tag of a manifest entry (or of --prefix) at HEAD',
  help: `Usage: ensure-image tag [NAME...] [options]
       ensure-image tag --prefix PREFIX [--paths P,...] [options]

The tag CI gives an image at the checked-out HEAD (no registry is asked); an entry whose
inputs hold uncommitted changes gets the -dirty- tag ensure would build it under:
  tag api              the tag of the manifest entry named api, alone on a line
  tag api thumb        one tag per line, in that order
  tag                  every entry as name=tag (the cdk-context action's images form)
  tag --prefix app     <prefix>-<id> without a manifest (--source tree takes --paths)

Options:
      --prefix P       tag prefix, for a tag without a manifest
      --paths LIST     with --prefix and --source tree: the paths that make the image (default .)
${COMMON_HELP}`,
  options: { ...MANIFEST_FLAGS, prefix: { type: 'string' }, paths: { type: 'string' } },
  positionals: true,
  async run({ values, positionals, deps, log }) {
    const o = manifestOptions(values, deps.cwd);
    const git = { git: deps.git, log };
    if (values.prefix !== undefined) {
      if (positionals.length) throw new UsageError(`give either names of manifest entries or --prefix, not both`);
      const paths = parseList((values.paths as string | undefined) ?? '.').map((p) => normalisePath('paths', p));
      const r = await resolveTag(
        { prefix: validatePrefix('prefix', values.prefix as string), source: o.source, paths, length: o.length, aliases: [], workspace: o.workspace },
        git,
      );
      deps.out(r.tag);
      return EXIT.ok;
    }
    if (values.paths !== undefined) throw new UsageError('--paths goes with --prefix (manifest entries have their own paths)');
    // A tag needs no registry: with no region anywhere, any region lets the manifest's ECR entries pass.
    const images = await loadManifest(o, deps.env.AWS_REGION || deps.env.AWS_DEFAULT_REGION ? deps.env : { ...deps.env, AWS_REGION: 'us-east-1' });
    const chosen = positionals.length
      ? positionals.map((name) => {
          const hit = images.find((i) => i.name === name);
          if (!hit) throw new ValidationError('manifest', `has no image named ${shown(name)} (it has ${images.map((i) => i.name).join(', ')})`);
          return hit;
        })
      : images;
    const commitTags = await Promise.all(chosen.map((spec) => resolveTag(imageTagInputs(spec, o), git)));
    // An entry whose inputs hold uncommitted changes has the tag ensure would build it under.
    const worktree = await inspectWorktree({ ...o, images: chosen }, commitTags, git, 'tag');
    worktree.forEach((w, n) => {
      const spec = chosen[n] as (typeof chosen)[number];
      const name = spec.name;
      // keep-tag: the entry's own tag as written, whatever the worktree holds.
      const t = keptTag(spec, w.tag, log).tag;
      if (w.files.length && spec.fixedTag === undefined)
        deps.err(`ensure-image: ${name} has uncommitted changes to its inputs (${listFiles(w.files)}): ${t}, not the commit's tag`);
      deps.out(positionals.length ? t : `${name}=${t}`);
    });
    return EXIT.ok;
  },
};
