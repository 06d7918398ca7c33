import { CredentialsError } from '@ensure-image/adapters/errors';
import { ManifestError, ValidationError, cdkContext, listFiles } from '@ensure-image/core';
import { planImages } from '@ensure-image/steps';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { MANIFEST_FLAGS, loadManifest, manifestOptions, planInputs } from '../manifest.js';
import { COMMON_HELP } from './plan.js';

export const cdkArgs: Command = {
  name: 'cdk-args',
  summary: 'only the CDK --context arguments, for npm run deploy:dev -- $(ensure-image cdk-args)',
  help: `Usage: ensure-image cdk-args [options]

Prints only the CDK arguments on stdout:
  every image exists:  --context usePreBuiltImages=true --context <name>ImageTag=<tag> ...
  any image missing, an image's inputs hold uncommitted changes, or the registry cannot be
  checked (no region, no credentials, no network):
                       --context usePreBuiltImages=false   (the reason goes to stderr)
so that   npm run deploy:dev -- $(npx ensure-image cdk-args)   deploys what CI built for this
commit, and lets CDK build the images itself when CI has not.

Options:
      --strict         exit 3 (and print nothing on stdout) instead of falling back to false;
                       no AWS region is then a manifest error (exit 2)
      --flag KEY       context key of the switch (default usePreBuiltImages)
      --key-suffix S   appended to camelCase(name) (default ImageTag)
${COMMON_HELP}

Exit: 0 (also when falling back to false), 2 bad option or manifest, 3 with --strict.`,
  options: {
    ...MANIFEST_FLAGS,
    strict: { type: 'boolean', default: false },
    flag: { type: 'string', default: 'usePreBuiltImages' },
    'key-suffix': { type: 'string', default: 'ImageTag' },
  },
  async run({ values, deps, log }) {
    const o = manifestOptions(values, deps.cwd);
    // With no region anywhere the manifest is still checked whole (any region lets ECR entries
    // pass); the missing region then means the registry cannot be asked, a reason to fall back.
    const regionless = !deps.env.AWS_REGION && !deps.env.AWS_DEFAULT_REGION;
    const images = await loadManifest(o, regionless ? { ...deps.env, AWS_REGION: 'us-east-1' } : deps.env);
    const args = (usePrebuilt: boolean, tags: { name: string; tag: string }[]) =>
      cdkContext({ flag: values.flag as string, usePrebuilt, images: tags, keySuffix: values['key-suffix'] as string, extra: [] }).shell;
    // Checked before the registry is asked: a bad --flag is a usage error, not a fallback.
    args(
      true,
      images.map((i) => ({ name: i.name, tag: 'x' })),
    );

    let reason: string;
    try {
      if (regionless) await loadManifest(o, deps.env);
      const planned = await planImages(planInputs(images, o), { ...deps, log }, deps.env, { missingRepository: 'absent', dirty: 'tag' });
      const dirty = planned.filter((p) => p.changes.length);
      const missing = planned.filter((p) => !p.exists);
      if (dirty.length === 0 && missing.length === 0) {
        deps.out(
          args(
            true,
            planned.map((p) => ({ name: p.spec.name, tag: p.tag.tag })),
          ),
        );
        return EXIT.ok;
      }
      reason = dirty.length
        ? `uncommitted changes to the inputs of ${dirty.map((p) => `${p.spec.name} (${listFiles(p.changes)})`).join('; ')}: the pre-built images are not what this checkout holds`
        : `${missing.length} of ${planned.length} images are not in the registry: ${missing.map((p) => p.image).join(', ')}`;
    } catch (e) {
      if (regionless && !values.strict && e instanceof ManifestError && e.field.endsWith('.region')) {
        reason = "no AWS region is configured (AWS_REGION, AWS_DEFAULT_REGION or the AWS profile's region), so the registry could not be checked";
      } else if (e instanceof ValidationError) {
        throw e;
      } else {
        reason =
          e instanceof CredentialsError
            ? 'no AWS credentials were found (the AWS SDK default chain: AWS_PROFILE, SSO, environment variables), so the registry could not be checked'
            : `the registry could not be checked: ${(e as Error).message.split('\n')[0]}`;
      }
    }
    if (values.strict) {
      deps.err(`ensure-image: ${reason}`);
      return EXIT.missing;
    }
    deps.err(`ensure-image: ${values.flag}=false: ${reason}`);
    deps.out(args(false, []));
    return EXIT.ok;
  },
};
