// `ensure-image plan --explain`: what each image's tag was taken from, so a reader can check it.
import type { PlannedImage } from '@ensure-image/steps';

const MAX_FILES = 20;

/** Lines saying, per image, what its id covers: the commit, hand-written paths, or what its Dockerfile reads. */
export function explainLines(planned: readonly PlannedImage[], source: 'commit' | 'tree'): string[] {
  const out: string[] = [];
  for (const p of planned) {
    out.push(`${p.spec.name}: ${p.tag.tag}`);
    const r = p.tag.reads;
    if (source === 'commit') out.push(`  id: commit ${p.tag.sha}`);
    else if (!r) out.push(`  id: git ids of paths ${p.spec.paths.join(', ')} (hand-written)`);
    else {
      const args = p.spec.buildArgs.map((kv) => `${kv.key}=${kv.value}`).join(' ');
      out.push(`  id: what ${r.dockerfile} reads (paths: auto)${args ? `, build args ${args}` : ''}${p.spec.target ? `, target ${p.spec.target}` : ''}`);
      out.push(`  stages: ${r.stages.join(', ')}${r.dockerignore ? `; ignore file ${r.dockerignore}` : ''}`);
      if (r.whole) out.push(`  whole context ${p.spec.context}: line ${r.whole.line} (${r.whole.text}): ${r.whole.reason}`);
      for (const s of r.sources) out.push(`  line ${s.line}: ${s.source}  (${s.text})`);
      out.push(`  files (${r.files.length}): ${r.files.slice(0, MAX_FILES).join(' ')}${r.files.length > MAX_FILES ? ' ...' : ''}`);
    }
  }
  return out;
}
