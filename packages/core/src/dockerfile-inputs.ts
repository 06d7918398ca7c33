// What a build reads from its context, read from its Dockerfile with a maintained parser
// (dockerfile-ast): COPY/ADD sources and RUN --mount=type=bind sources of the stages the
// target reaches, after ARG/ENV substitution with the image's build args.
import { type Copy, DockerfileParser, type From, type Instruction, type JSONInstruction, type Property } from 'dockerfile-ast';
import { ValidationError, shown } from './errors.js';
import type { KeyValue } from './inputs.js';
import { Positions, type Scope, substituted, unknownIn } from './dockerfile-vars.js';

/** One path (or wildcard) the build reads from its context, context-relative. */
export interface DockerfileSource {
  source: string;
  /** 1-based line of the instruction in the Dockerfile. */
  line: number;
  /** The instruction's first line, as written. */
  text: string;
}

export interface DockerfileInputs {
  sources: DockerfileSource[];
  /** Set when what the build reads cannot be narrowed: it then reads the whole context. */
  whole?: DockerfileSource & { reason: string };
  /** The stages the target reaches, in file order (names, or `#<index>` for unnamed ones). */
  stages: string[];
}

export interface DockerfileOptions {
  buildArgs: readonly KeyValue[];
  /** The stage to build; empty = the last. */
  target?: string;
}

interface Stage {
  index: number;
  name: string | undefined;
  deps: Set<number>;
  env: Map<string, string | undefined>;
  args: Map<string, string | undefined>;
  sources: DockerfileSource[];
  whole: (DockerfileSource & { reason: string }) | undefined;
}

const REMOTE = ['http://', 'https://', 'git://', 'git@', 'ssh://'];

/** A source as docker resolves it: relative to the context root, `..` clamped at the root. */
export function cleanSource(source: string): string {
  const out: string[] = [];
  for (const part of source.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.length ? out.join('/') : '.';
}

/** The words of a COPY/ADD: JSON form read as JSON strings, heredoc bodies left out. */
function words(ins: JSONInstruction, pos: Positions): string[] {
  const json = ins.getJSONStrings();
  if (json.length && ins.getClosingBracket()) return json.map((j) => JSON.parse(pos.slice(j.getRange())) as string);
  const docs = (ins as Copy).getHeredocs?.() ?? [];
  const bodyFrom = Math.min(...docs.map((h) => (h.getContentRange() ?? h.getStartRange()).start.line + (h.getContentRange() ? 0 : 1)));
  return ins
    .getArguments()
    .filter((a) => a.getRange().start.line < bodyFrom)
    .map((a) => a.getValue());
}

function flag(ins: JSONInstruction, name: string): string | undefined {
  const f = ins.getFlags().find((x) => x.getName().toLowerCase() === name);
  return f ? (f.getValue() ?? '') : undefined;
}

/**
 * The context sources a Dockerfile's build reads, for one set of build args and target.
 * Unknowable sources (a variable with no value, a remote ADD, `COPY . .`) set `whole`, naming
 * the first such line. `--from` stages are followed; images and named contexts are not inputs.
 */
export function dockerfileInputs(text: string, o: DockerfileOptions): DockerfileInputs {
  const df = DockerfileParser.parse(text);
  const escape = df.getEscapeCharacter();
  const pos = new Positions(text);
  const passed = new Map(o.buildArgs.map((kv) => [kv.key, kv.value]));
  const globals = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  const stageOf = (ref: string, before: number): number | undefined => {
    const n = /^\d+$/.test(ref) ? Number(ref) : stages.findIndex((s) => s.name === ref.toLowerCase());
    return n >= 0 && n < before ? n : undefined;
  };

  for (const raw of df.getInstructions()) {
    const keyword = raw.getKeyword();
    const stage = stages[stages.length - 1];
    const line = raw.getRange().start.line + 1;
    const first = pos.slice(raw.getRange()).split('\n')[0]?.trim() ?? '';
    const at = (source: string): DockerfileSource => ({ source, line, text: first });
    if (keyword === 'FROM') {
      const { ins } = substituted(raw, pos, { env: new Map(), args: globals }, escape);
      const from = ins as From;
      const index = stages.length;
      const parent = stageOf(from.getImage() ?? '', index);
      const name = from.getBuildStage()?.toLowerCase();
      stages.push({
        index,
        name,
        deps: new Set(parent === undefined ? [] : [parent]),
        env: new Map(parent === undefined ? [] : (stages[parent] as Stage).env),
        args: new Map(),
        sources: [],
        whole: undefined,
      });
      continue;
    }
    if (keyword === 'ARG' && !stage) {
      for (const p of props(substituted(raw, pos, { env: new Map(), args: globals }, escape).ins)) {
        globals.set(p.getName(), passed.has(p.getName()) ? passed.get(p.getName()) : (p.getValue() ?? undefined));
      }
      continue;
    }
    if (!stage) continue;
    const scope: Scope = { env: stage.env, args: stage.args };
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const p of props(substituted(raw, pos, scope, escape).ins)) {
        const name = p.getName();
        if (keyword === 'ENV') stage.env.set(name, p.getValue() ?? '');
        else stage.args.set(name, passed.has(name) ? passed.get(name) : (p.getValue() ?? globals.get(name)));
      }
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const { ins, pos: own } = substituted(raw, pos, scope, escape);
      const j = ins as JSONInstruction;
      const fromRef = flag(j, 'from');
      if (fromRef !== undefined) {
        const dep = stageOf(fromRef, stage.index);
        if (dep !== undefined) stage.deps.add(dep);
        else if (unknownIn(fromRef)) stage.whole ??= { ...at('.'), reason: `--from=${unknownIn(fromRef)}` };
        continue;
      }
      for (const w of words(j, own).slice(0, -1)) {
        if (w.startsWith('<<')) continue;
        const why = unknownIn(w);
        if (why) stage.whole ??= { ...at('.'), reason: why };
        else if (keyword === 'ADD' && REMOTE.some((r) => w.startsWith(r)))
          stage.whole ??= { ...at('.'), reason: `ADD of a remote source (${w}) cannot be followed` };
        else if (cleanSource(w) === '.') stage.whole ??= { ...at('.'), reason: `${keyword} ${w} copies the whole context` };
        else stage.sources.push(at(cleanSource(w)));
      }
    } else if (keyword === 'RUN') {
      const { ins } = substituted(raw, pos, scope, escape);
      for (const f of (ins as JSONInstruction).getFlags().filter((x) => x.getName().toLowerCase() === 'mount')) {
        const opt = (k: string) => f.getOption(k)?.getValue() ?? undefined;
        if ((opt('type') ?? 'bind') !== 'bind') continue;
        const fromRef = opt('from');
        const source = opt('source') ?? opt('src') ?? '.';
        if (fromRef !== undefined) {
          const dep = stageOf(fromRef, stage.index);
          if (dep !== undefined) stage.deps.add(dep);
        } else if (unknownIn(source)) stage.whole ??= { ...at('.'), reason: unknownIn(source) as string };
        else stage.sources.push(at(cleanSource(source)));
      }
    }
  }

  if (stages.length === 0) return { sources: [], stages: [] };
  let target = stages.length - 1;
  if (o.target) {
    target = stages.findIndex((s) => s.name === (o.target as string).toLowerCase());
    if (target < 0) {
      const named = stages.map((s) => s.name).filter(Boolean);
      throw new ValidationError(
        'target',
        `${shown(o.target)} is not a stage of the Dockerfile (${named.length ? `stages: ${named.join(', ')}` : 'it names no stage'})`,
      );
    }
  }
  const reached = new Set<number>();
  const visit = (n: number): void => {
    if (reached.has(n)) return;
    reached.add(n);
    for (const d of (stages[n] as Stage).deps) visit(d);
  };
  visit(target);
  const used = stages.filter((s) => reached.has(s.index));
  const whole = used
    .map((s) => s.whole)
    .filter((w) => w !== undefined)
    .sort((a, b) => a.line - b.line)[0];
  return {
    sources: used.flatMap((s) => s.sources).sort((a, b) => a.line - b.line),
    ...(whole ? { whole } : {}),
    stages: used.map((s) => s.name ?? `#${s.index}`),
  };
}

function props(ins: Instruction): Property[] {
  return (ins as unknown as { getProperties(): Property[] }).getProperties?.() ?? [];
}
