import type { AuthToken, Ecr, ImageQuery } from './aws/types.js';
import type { Docker, RunOptions, RunResult } from './docker/cli.js';
import type { Git } from './git/git.js';
import type { ManifestInfo, ManifestTarget, Registry } from './oci/registry.js';
import { RepositoryNotFoundError } from './errors.js';

/** In-memory ECR: repositories keyed `region/account/name`, each a tag -> digest map. */
export class FakeEcr implements Ecr {
  readonly calls: string[] = [];
  readonly repos = new Map<string, Map<string, string>>();
  constructor(
    public account = '123456789012',
    public fail: Partial<Record<'privateTokens' | 'publicToken' | 'findImages' | 'accountId', Error>> = {},
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

  async findImages(q: ImageQuery): Promise<Map<string, string>> {
    this.calls.push(`findImages ${q.region} ${q.account ?? ''} ${q.repository} ${q.tags.length}`);
    if (this.fail.findImages) throw this.fail.findImages;
    const repo = this.repos.get(`${q.region}/${q.account ?? this.account}/${q.repository}`);
    if (!repo) throw new RepositoryNotFoundError(`ecr:BatchGetImage on ${q.repository}: the repository does not exist`);
    return new Map(q.tags.filter((t) => repo.has(t)).map((t) => [t, repo.get(t) as string]));
  }

  async accountId(region: string): Promise<string> {
    this.calls.push(`accountId ${region}`);
    if (this.fail.accountId) throw this.fail.accountId;
    return this.account;
  }
}

/** In-memory registry: `host/name:reference` -> manifest info. */
export class FakeRegistry implements Registry {
  readonly calls: string[] = [];
  readonly manifests = new Map<string, ManifestInfo>();
  async headManifest(t: ManifestTarget): Promise<ManifestInfo | undefined> {
    this.calls.push(`${t.host}/${t.name}:${t.reference}`);
    return this.manifests.get(`${t.host}/${t.name}:${t.reference}`);
  }
}

/** Records every docker command; answers each with `respond` (exit 0, empty output by default). */
export class FakeDocker implements Docker {
  readonly commands: { args: string[]; opts: RunOptions }[] = [];
  readonly logins: AuthToken[] = [];
  readonly logouts: string[] = [];
  buildx = false;
  version = '20.10.24';
  respond: (args: readonly string[]) => Partial<RunResult> = () => ({});
  failLogin = new Set<string>();
  failLogout = new Set<string>();

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
    return this.buildx;
  }
  async clientVersion(): Promise<string> {
    return this.version;
  }
}

/** Git with fixed object ids: `HEAD` and `HEAD:./<path>` entries. */
export class FakeGit implements Git {
  constructor(public readonly objects: Record<string, string>) {}
  async revParse(_cwd: string, revs: readonly string[]): Promise<string[]> {
    return revs.map((r) => {
      const id = this.objects[r];
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
  async save(dir: string, key: string): Promise<void> {
    this.calls.push(`save ${dir} ${key}`);
  }
}
