import { createHash } from 'node:crypto';
import type { BuilderInfo } from '@ensure-image/core';
import type { AuthToken, CreateRepositoryRequest, Ecr, FoundImage, ImageQuery, PutImageRequest } from './aws/types.js';
import type { ScanQuery, ScanRead, StartScanResult } from './aws/scan-types.js';
import type { Docker, RunOptions, RunResult } from './docker/cli.js';
import type { WorktreeChange } from '@ensure-image/core';
import type { Git } from './git/git.js';
import type { Manifest, ManifestInfo, ManifestTarget, Registry } from './oci/registry.js';
import { ImmutableTagError, RepositoryNotFoundError } from './errors.js';

/** A made-up manifest whose digest is `digest` (fakes only compare digests). */
const manifestOf = (digest: string): string => JSON.stringify({ fake: digest });

/** In-memory ECR: repositories keyed `region/account/name`, each a tag -> digest map. */
export class FakeEcr implements Ecr {
  readonly calls: string[] = [];
  readonly repos = new Map<string, Map<string, string>>();
  readonly created: CreateRepositoryRequest[] = [];
  /** Repositories (keys as in `repos`) whose tags cannot move. */
  readonly immutable = new Set<string>();
  constructor(
    public account = '123456789012',
    public fail: Partial<Record<'privateTokens' | 'publicToken' | 'findImages' | 'accountId' | 'putImage' | 'createRepository', Error>> = {},
  ) {}

  put(region: string, account: string, repository: string, tag: string, digest: string): void {
    const key = `${region}/${account}/${repository}`;
    if (!this.repos.has(key)) this.repos.set(key, new Map());
    this.repos.get(key)?.set(tag, digest);
  }

  async privateTokens(region: string, accounts: readonly string[]) {
    this.calls.push(`privateTokens ${region} ${accounts.join(',')}`);
    if (this.fail.privateTokens) throw this.fail.privateTokens;
    return (accounts.length ? accounts : [this.account]).map((account) => ({ account, username: 'AWS', password: `pw-${account}-${region}` }));
  }

  async publicToken() {
    this.calls.push('publicToken');
    if (this.fail.publicToken) throw this.fail.publicToken;
    return { username: 'AWS', password: 'pw-public' };
  }

  async findImages(q: ImageQuery): Promise<Map<string, FoundImage>> {
    this.calls.push(`findImages ${q.region} ${q.account ?? ''} ${q.repository} ${q.tags.length}`);
    if (this.fail.findImages) throw this.fail.findImages;
    const repo = this.repos.get(`${q.region}/${q.account ?? this.account}/${q.repository}`);
    if (!repo) throw new RepositoryNotFoundError(`ecr:BatchGetImage on ${q.repository}: the repository does not exist`);
    const found = (t: string): string | undefined => (t.startsWith('sha256:') ? [...repo.values()].find((d) => d === t) : repo.get(t));
    return new Map(
      q.tags.flatMap((t) => {
        const digest = found(t);
        return digest ? [[t, { digest, manifest: manifestOf(digest), mediaType: 'application/vnd.oci.image.manifest.v1+json' }] as const] : [];
      }),
    );
  }

  async putImage(r: PutImageRequest): Promise<void> {
    this.calls.push(`putImage ${r.repository}:${r.tag} ${r.digest}`);
    if (this.fail.putImage) throw this.fail.putImage;
    const key = `${r.region}/${r.account ?? this.account}/${r.repository}`;
    const repo = this.repos.get(key);
    if (!repo) throw new RepositoryNotFoundError(`ecr:PutImage on ${r.repository}: the repository does not exist`);
    const now = repo.get(r.tag);
    if (now === r.digest) return;
    if (now !== undefined && this.immutable.has(key))
      throw new ImmutableTagError(`ecr:PutImage of ${r.repository}:${r.tag}: the tag exists and the repository's tags are immutable`);
    repo.set(r.tag, r.digest);
  }

  async createRepository(r: CreateRepositoryRequest): Promise<'created' | 'exists'> {
    this.calls.push(`createRepository ${r.repository}`);
    if (this.fail.createRepository) throw this.fail.createRepository;
    const key = `${r.region}/${r.account ?? this.account}/${r.repository}`;
    if (this.repos.has(key)) return 'exists';
    this.repos.set(key, new Map());
    if (r.mutability === 'IMMUTABLE') this.immutable.add(key);
    this.created.push(r);
    return 'created';
  }

  async createPublicRepository(name: string): Promise<'created' | 'exists'> {
    this.calls.push(`createPublicRepository ${name}`);
    return 'created';
  }

  async accountId(region: string): Promise<string> {
    this.calls.push(`accountId ${region}`);
    if (this.fail.accountId) throw this.fail.accountId;
    return this.account;
  }

  /** Scan reads per `repository@digest`, served in order (the last one stays); none = never scanned. */
  readonly scans = new Map<string, ScanRead[]>();
  startResult: StartScanResult = 'started';
  scanError: Error | undefined;

  async readScan(q: ScanQuery): Promise<ScanRead> {
    this.calls.push(`readScan ${q.repository}@${q.digest}`);
    if (this.scanError) throw this.scanError;
    const seq = this.scans.get(`${q.repository}@${q.digest}`);
    if (!seq || seq.length === 0) return { scanned: false };
    return (seq.length > 1 ? seq.shift() : seq[0]) as ScanRead;
  }

  async startScan(q: ScanQuery): Promise<StartScanResult> {
    this.calls.push(`startScan ${q.repository}@${q.digest}`);
    return this.startResult;
  }
}

/** In-memory registry: `host/name:reference` -> manifest info. */
export class FakeRegistry implements Registry {
  readonly calls: string[] = [];
  readonly manifests = new Map<string, ManifestInfo>();
  /** Hosts whose tags cannot move. */
  readonly immutable = new Set<string>();
  async headManifest(t: ManifestTarget): Promise<ManifestInfo | undefined> {
    this.calls.push(`${t.host}/${t.name}:${t.reference}`);
    return this.manifests.get(`${t.host}/${t.name}:${t.reference}`);
  }
  async getManifest(t: ManifestTarget): Promise<Manifest | undefined> {
    this.calls.push(`GET ${t.host}/${t.name}:${t.reference}`);
    const m = this.manifests.get(`${t.host}/${t.name}:${t.reference}`);
    return m && { ...m, body: this.bodies.get(m.digest) ?? Buffer.from(manifestOf(m.digest)) };
  }
  /** Manifest bytes PUT, by digest (an index written is read back as written). */
  readonly bodies = new Map<string, Buffer>();
  async putManifest(t: ManifestTarget, m: Manifest): Promise<void> {
    this.calls.push(`PUT ${t.host}/${t.name}:${t.reference} ${m.digest}`);
    const key = `${t.host}/${t.name}:${t.reference}`;
    const now = this.manifests.get(key);
    if (now && now.digest !== m.digest && this.immutable.has(t.host)) throw new ImmutableTagError(`${t.host} refused to move ${t.name}:${t.reference}`);
    this.manifests.set(key, { digest: m.digest, mediaType: m.mediaType });
    this.manifests.set(`${t.host}/${t.name}:${m.digest}`, { digest: m.digest, mediaType: m.mediaType });
    this.bodies.set(m.digest, m.body);
  }
}

/**
 * Records every docker command. Builds and pushes "succeed" with `digest` and, when given a
 * registry, land there (so read-backs see them); `onPush` may fail or change that.
 */
export class FakeDocker implements Docker {
  readonly commands: { args: string[]; opts: RunOptions }[] = [];
  readonly logins: AuthToken[] = [];
  readonly logouts: string[] = [];
  hasBuildxPlugin = false;
  version = '20.10.24';
  builder: BuilderInfo = { driver: 'docker', containerdStore: false };
  digest = `sha256:${'d'.repeat(64)}`;
  respond: (args: readonly string[]) => Partial<RunResult> = () => ({});
  /** Called for each reference a build or push sends; throw to fail it. */
  onPush: (ref: string, digest: string) => void = () => {};
  failLogin = new Set<string>();
  failLogout = new Set<string>();

  async builderInfo(builder?: string): Promise<BuilderInfo> {
    this.commands.push({ args: ['buildx', 'inspect', ...(builder ? [builder] : [])], opts: {} });
    return this.builder;
  }
  async buildx(args: readonly string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
    this.commands.push({ args: [...args], opts: { env } });
    if (args.includes('--push')) for (let i = args.indexOf('--tag'); i >= 0; i = args.indexOf('--tag', i + 1)) this.onPush(args[i + 1] as string, this.digest);
    return args.includes('--push') ? { 'containerimage.digest': this.digest } : { 'containerimage.config.digest': this.digest };
  }
  async build(args: readonly string[], env: Record<string, string>): Promise<void> {
    this.commands.push({ args: [...args], opts: { env } });
  }
  async push(ref: string): Promise<string> {
    this.commands.push({ args: ['push', ref], opts: {} });
    this.onPush(ref, this.digest);
    return this.digest;
  }

  async run(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
    this.commands.push({ args: [...args], opts });
    return { exitCode: 0, stdout: '', stderr: '', ...this.respond(args) };
  }
  async login(host: string, username: string, password: string): Promise<void> {
    if (this.failLogin.has(host)) throw new Error(`docker login ${host} failed: denied`);
    this.logins.push({ host, username, password });
  }
  async logout(host: string): Promise<void> {
    if (this.failLogout.has(host)) throw new Error(`docker logout ${host} failed: not logged in`);
    this.logouts.push(host);
  }
  async hasBuildx(): Promise<boolean> {
    return this.hasBuildxPlugin;
  }
  async clientVersion(): Promise<string> {
    return this.version;
  }
}

/** Git with fixed object ids: `HEAD` and `HEAD:./<path>` entries; `files` (path -> text) is the committed tree that listFiles/readFile see. */
export class FakeGit implements Git {
  constructor(
    public readonly objects: Record<string, string>,
    /** The working tree's uncommitted changes, and each changed file's blob id. */
    public worktree: WorktreeChange[] = [],
    public blobs: Record<string, string> = {},
  ) {}
  async changes(): Promise<WorktreeChange[]> {
    return this.worktree;
  }
  async hashFiles(_cwd: string, files: readonly string[]): Promise<string[]> {
    return files.map((f) => this.blobs[f] ?? `blob-of-${f}`);
  }
  readonly listed: string[] = [];
  /** The committed tree (path -> text) that listFiles and readFile see, and revParse of `<rev>:./<path>` when `objects` has no entry. */
  files: Record<string, string> = {};
  async listFiles(_cwd: string, commit: string, path: string): Promise<{ path: string; id: string }[]> {
    this.listed.push(`${commit} ${path}`);
    return Object.keys(this.files)
      .filter((p) => path === '.' || p === path || p.startsWith(`${path}/`))
      .sort()
      .map((p) => ({ path: p, id: this.blob(p) }));
  }
  private blob(path: string): string {
    return createHash('sha1').update(`blob ${this.files[path]}`).digest('hex');
  }
  /** A file's id, or a directory's (over what is under it), from `files`. */
  private object(path: string): string | undefined {
    if (this.files[path] !== undefined) return this.blob(path);
    const under = Object.keys(this.files)
      .filter((p) => path === '' || p.startsWith(`${path}/`))
      .sort();
    return under.length
      ? createHash('sha1')
          .update(under.map((p) => `${p} ${this.blob(p)}\n`).join(''))
          .digest('hex')
      : undefined;
  }
  async readFile(_cwd: string, _commit: string, path: string): Promise<string | undefined> {
    return this.files[path];
  }
  async revParse(_cwd: string, revs: readonly string[]): Promise<string[]> {
    return revs.map((r) => {
      const file = r.includes(':./') ? r.slice(r.indexOf(':./') + 3) : undefined;
      const id = this.objects[r] ?? (file !== undefined ? this.object(file) : undefined);
      if (id === undefined) throw new Error(`git rev-parse ${r} failed: unknown revision`);
      return id;
    });
  }
}

/** A log that keeps its lines, secrets included, for assertions. */
export class MemoryLog {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  readonly secrets: string[] = [];
  info(m: string): void {
    this.lines.push(m);
  }
  warning(m: string): void {
    this.warnings.push(m);
  }
  debug(m: string): void {
    this.lines.push(`::debug::${m}`);
  }
  secret(v: string): void {
    this.secrets.push(v);
  }
}

/** A cache service that is there or not, and records what it was asked. */
export class FakeDirCache {
  readonly calls: string[] = [];
  constructor(public isAvailable = true) {}
  available(): boolean {
    return this.isAvailable;
  }
  async restore(dir: string, key: string): Promise<string | undefined> {
    this.calls.push(`restore ${dir} ${key}`);
    return undefined;
  }
  async save(dir: string, key: string, from?: string): Promise<void> {
    this.calls.push(`save ${dir} ${key}${from ? ` from ${from}` : ''}`);
  }
}
