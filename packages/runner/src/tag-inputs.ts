import { type ResolveTagInputs, aliasTags, formatTag, normalisePath } from '@ensure-image/core';

/** The tag inputs resolve-tag and the all-in-one action share, as the tag step takes them, checked as far as they can be without git. */
export function tagInputs(
  v: { prefix: string; source: 'commit' | 'tree'; paths: readonly string[]; length: number; sha: string; aliases: readonly string[] },
  ws: string,
  defaultPaths: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ResolveTagInputs {
  // The tag's form is known before git runs: check it (and the aliases') now.
  formatTag(v.prefix, '0'.repeat(v.length));
  aliasTags(v.prefix, v.aliases);
  return {
    prefix: v.prefix,
    source: v.source,
    paths: (v.paths.length ? v.paths : defaultPaths).map((p) => normalisePath('paths', p)),
    length: v.length,
    ...(v.sha ? { sha: v.sha } : {}),
    aliases: v.aliases,
    workspace: ws,
    ...(env.GITHUB_SHA ? { githubSha: env.GITHUB_SHA } : {}),
  };
}
