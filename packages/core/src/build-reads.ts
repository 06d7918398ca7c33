// From what a Dockerfile reads (dockerfile-inputs.ts) and the committed files of its context
// to the files a build reads, the id that covers them, and what hand-listed paths miss.
import { createHash } from 'node:crypto';
import type { DockerfileInputs, DockerfileSource } from './dockerfile-inputs.js';
import { dockerignoreFilter, sourceMatcher } from './dockerignore.js';
import type { KeyValue } from './inputs.js';
import type { ContentId } from './tags.js';

/** The files of a context, as listed from git: workspace-relative paths with their object ids. */
export interface ContextListing {
  context: string;
  files: readonly ContentId[];
  /** The text of the .dockerignore docker would use, if any. */
  dockerignore?: string;
}

function relative(context: string, path: string): string {
  return context === '.' ? path : path.slice(context.length + 1);
}

function under(path: string, root: string): boolean {
  return root === '.' || path === root || path.startsWith(`${root}/`);
}

/** For each source, the files it reads (workspace-relative), after .dockerignore. */
function readsBy(inputs: DockerfileInputs, l: ContextListing): Map<DockerfileSource, ContentId[]> {
  const sent = dockerignoreFilter(l.dockerignore);
  const files = l.files.filter((f) => under(f.path, l.context) && sent(relative(l.context, f.path)));
  const out = new Map<DockerfileSource, ContentId[]>();
  for (const s of inputs.whole ? [inputs.whole] : inputs.sources) {
    const match = sourceMatcher(s.source);
    out.set(
      s,
      files.filter((f) => match(relative(l.context, f.path))),
    );
  }
  return out;
}

/** The context files a build reads: those its sources name (all of them for `whole`), less what .dockerignore leaves out. Sorted, unique. */
export function filesRead(inputs: DockerfileInputs, l: ContextListing): ContentId[] {
  const byPath = new Map<string, ContentId>();
  for (const files of readsBy(inputs, l).values()) for (const f of files) byPath.set(f.path, f);
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What makes an image with `paths: auto`: the Dockerfile, the files read, the build args and target (not platforms). */
export interface BuildReads {
  dockerfile: ContentId;
  files: readonly ContentId[];
  buildArgs: readonly KeyValue[];
  target?: string;
}

/**
 * The content id of a build with `paths: auto`: the sha1 of its sorted `file <path> <id>` lines,
 * `arg K=V` lines and its target. Platforms are left out: one tag holds every platform's image.
 */
export function buildReadsId(r: BuildReads): string {
  const files = [r.dockerfile, ...r.files.filter((f) => f.path !== r.dockerfile.path)].map((f) => `file ${f.path} ${f.id}\n`).sort();
  const args = [...new Map(r.buildArgs.map((kv) => [kv.key, kv.value])).entries()].map(([k, v]) => `arg ${JSON.stringify(k)}=${JSON.stringify(v)}\n`).sort();
  const lines = ['ensure-image build reads v1\n', ...files, ...args, `target ${JSON.stringify(r.target ?? '')}\n`];
  return createHash('sha1').update(lines.join('')).digest('hex');
}

export interface MissedSource {
  source: DockerfileSource;
  /** Workspace-relative: the source as the user would list it in `paths`. */
  path: string;
}

/** The sources whose files hand-listed `paths` do not cover: the image is not rebuilt when they change. */
export function missedSources(inputs: DockerfileInputs, l: ContextListing, paths: readonly string[]): MissedSource[] {
  const out: MissedSource[] = [];
  for (const [source, files] of readsBy(inputs, l)) {
    if (files.some((f) => !paths.some((p) => under(f.path, p)))) {
      out.push({ source, path: l.context === '.' ? source.source : source.source === '.' ? l.context : `${l.context}/${source.source}` });
    }
  }
  return out;
}
