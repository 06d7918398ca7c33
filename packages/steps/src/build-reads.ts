// `paths: auto`: read a build's Dockerfile and .dockerignore from the commit, list its context,
// and hand them to the pure decisions (what is read, the id). Hand-written paths are checked
// against the same reading.
import type { Git } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import { type ContentId, type DerivedReads, type TaggedBuild, shown } from '@ensure-image/core';
import { type DockerfileInputs, buildReadsId, dockerfileInputs, dockerignoreCandidates, filesRead, missedSources } from '@ensure-image/core/dockerfile';

interface Reading {
  inputs: DockerfileInputs;
  listing: { context: string; files: ContentId[]; dockerignore?: string };
  dockerignore: string | undefined;
}

async function readBuild(b: TaggedBuild, commit: string, workspace: string, git: Git): Promise<Reading | undefined> {
  if (!git.readFile || !git.listFiles) throw new Error('paths: auto needs a git that can read committed files');
  const text = await git.readFile(workspace, commit, b.file);
  if (text === undefined) return undefined;
  const inputs = dockerfileInputs(text, { buildArgs: b.buildArgs, ...(b.target ? { target: b.target } : {}) });
  let dockerignore: string | undefined;
  let ignoreText: string | undefined;
  for (const candidate of dockerignoreCandidates(b.context, b.file)) {
    ignoreText = await git.readFile(workspace, commit, candidate);
    if (ignoreText !== undefined) {
      dockerignore = candidate;
      break;
    }
  }
  const files = await git.listFiles(workspace, commit, b.context);
  return { inputs, listing: { context: b.context, files, ...(ignoreText !== undefined ? { dockerignore: ignoreText } : {}) }, dockerignore };
}

const who = (b: TaggedBuild): string => (b.name ? `image ${shown(b.name)}` : 'the image');

/**
 * The id of a build with `paths: auto` (the Dockerfile, every committed file it reads, its build
 * args and target) and what it was taken from. A source that cannot be known makes it read the
 * whole context, said once in a notice naming the Dockerfile line.
 */
export async function autoReads(b: TaggedBuild, commit: string, workspace: string, deps: { git: Git; log: Log }): Promise<{ id: string; reads: DerivedReads }> {
  const r = await readBuild(b, commit, workspace, deps.git);
  if (!r) {
    throw new Error(
      `paths: auto reads the committed Dockerfile, and ${shown(b.file)} is not in commit ${commit.slice(0, 7)} (commit it, set file/context, or list paths by hand)`,
    );
  }
  const [dockerfileId] = await deps.git.revParse(workspace, [`${commit}:./${b.file}`]);
  const files = filesRead(r.inputs, r.listing);
  const id = buildReadsId({
    dockerfile: { path: b.file, id: dockerfileId as string },
    files,
    buildArgs: b.buildArgs,
    ...(b.target ? { target: b.target } : {}),
  });
  const { whole } = r.inputs;
  if (whole) {
    const say = deps.log.notice?.bind(deps.log) ?? deps.log.info.bind(deps.log);
    say(`${b.file} line ${whole.line} (${whole.text}): ${whole.reason}, so ${who(b)} is tagged by its whole context ${shown(b.context)} (less .dockerignore).`);
  }
  return {
    id,
    reads: {
      dockerfile: b.file,
      ...(r.dockerignore ? { dockerignore: r.dockerignore } : {}),
      stages: r.inputs.stages,
      sources: r.inputs.sources,
      ...(whole ? { whole: { line: whole.line, text: whole.text, reason: whole.reason } } : {}),
      files: files.map((f) => f.path).filter((p) => p !== b.file),
    },
  };
}

/**
 * Warn when hand-written `paths` miss a source the Dockerfile reads: a change there would not
 * rebuild the image. Advice only: any failure to read is left to debug, the tag is unchanged.
 */
export async function checkPaths(b: TaggedBuild, paths: readonly string[], commit: string, workspace: string, deps: { git: Git; log: Log }): Promise<void> {
  try {
    const r = await readBuild(b, commit, workspace, deps.git);
    if (!r) return;
    const uncovered = [...(paths.some((p) => p === '.' || p === b.file || b.file.startsWith(`${p}/`)) ? [] : [{ line: 0, text: '', path: b.file }])];
    for (const m of missedSources(r.inputs, r.listing, paths)) uncovered.push({ line: m.source.line, text: m.source.text, path: m.path });
    for (const u of uncovered) {
      const where = u.line ? `${b.file} line ${u.line} (${u.text}) reads ${shown(u.path)}` : `the Dockerfile ${shown(u.path)} itself`;
      deps.log.warning(
        `${who(b)}: ${where}, which its paths (${paths.join(', ')}) do not cover: a change there will not rebuild it. Add the path, or use paths: auto.`,
      );
    }
  } catch (e) {
    deps.log.debug(`paths not checked against ${b.file}: ${(e as Error).message}`);
  }
}
