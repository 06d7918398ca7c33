import { GitFixture } from './git-fixture.js';
import { NODES, runStep } from './runner.js';

const DIR = 'actions/resolve-tag';

/** A history long enough that two commits share a 4-character prefix (commit-tree: one process each). */
const ambiguous = (() => {
  const ws = new GitFixture();
  const tree = ws.git('write-tree');
  let parent = ws.git('commit-tree', tree, '-m', '0');
  const seen = new Map<string, string>();
  for (let n = 1; n < 5000; n++) {
    parent = ws.git('commit-tree', tree, '-p', parent, '-m', String(n));
    const p4 = parent.slice(0, 4);
    if (seen.has(p4)) {
      ws.git('update-ref', 'HEAD', parent);
      return { dir: ws.dir, prefix: p4 };
    }
    seen.set(p4, parent);
  }
  throw new Error('no shared prefix in 5000 commits');
})();

describe.each(NODES)('resolve-tag bundle under %s', (_label, node) => {
  test('commit source: <prefix>-<sha7> of the checked-out HEAD, with aliases', () => {
    const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\n' });
    const sha = ws.commit('one');
    const r = runStep(DIR, { node, cwd: ws.dir, inputs: { prefix: 'cloudtak', aliases: 'latest' }, env: { GITHUB_SHA: 'f'.repeat(40) } });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ tag: `cloudtak-${sha.slice(0, 7)}`, id: sha.slice(0, 7), sha, tags: `cloudtak-${sha.slice(0, 7)}\ncloudtak-latest` });
    expect(r.summary).toContain(`cloudtak-${sha.slice(0, 7)}`);
  });

  test('tree source: a commit that leaves the paths alone keeps the tag; one that changes them does not', () => {
    const ws = new GitFixture().write({ 'svc/Dockerfile': 'FROM scratch\n', 'svc/app.txt': 'v1', 'docs/readme': 'x' });
    ws.commit('one');
    const inputs = { prefix: 'api', source: 'tree', paths: 'svc', length: '12' };
    const first = runStep(DIR, { node, cwd: ws.dir, inputs });
    expect(first.errors).toEqual([]);
    expect(first.outputs.tag).toBe(`api-${ws.git('rev-parse', 'HEAD:svc').slice(0, 12)}`);

    ws.write({ 'docs/readme': 'changed' }).commit('docs only');
    const second = runStep(DIR, { node, cwd: ws.dir, inputs });
    expect(second.outputs.tag).toBe(first.outputs.tag);
    expect(second.outputs.sha).not.toBe(first.outputs.sha);

    ws.write({ 'svc/app.txt': 'v2' }).commit('code');
    const third = runStep(DIR, { node, cwd: ws.dir, inputs });
    expect(third.outputs.tag).not.toBe(first.outputs.tag);
  });

  test('several paths combine independent of their order', () => {
    const ws = new GitFixture().write({ 'a/x': '1', 'b/y': '2' });
    ws.commit('one');
    const ab = runStep(DIR, { node, cwd: ws.dir, inputs: { source: 'tree', paths: 'a,b' } });
    const ba = runStep(DIR, { node, cwd: ws.dir, inputs: { source: 'tree', paths: 'b\na' } });
    expect(ab.outputs.tag).toMatch(/^[a-f0-9]{7}$/);
    expect(ab.outputs.tag).toBe(ba.outputs.tag);
  });

  test('sha override, and GITHUB_SHA outside a checkout (with a warning)', () => {
    const ws = new GitFixture();
    const first = ws.commit('one');
    ws.commit('two');
    const pinned = runStep(DIR, { node, cwd: ws.dir, inputs: { sha: first, length: '40' } });
    expect(pinned.outputs.tag).toBe(first);
    const bare = new GitFixture();
    const sha = 'a'.repeat(40);
    const r = runStep(DIR, { node, cwd: `${bare.dir}/..`, env: { GITHUB_WORKSPACE: '/', GITHUB_SHA: sha }, inputs: { prefix: 'p' } });
    expect(r.code).toBe(0);
    expect(r.outputs.tag).toBe('p-aaaaaaa');
    expect(r.warnings.join('\n')).toMatch(/using GITHUB_SHA/);
  });

  test('bad inputs name themselves', () => {
    const ws = new GitFixture();
    ws.commit('one');
    const cases: [Record<string, string>, RegExp][] = [
      [{ length: '0' }, /Input "length": expected a whole number from 1 to 64/],
      [{ source: 'branch' }, /Input "source": expected one of commit, tree/],
      [{ sha: 'main' }, /Input "sha": "main" is not a commit SHA/],
      [{ sha: 'deadbee' }, /Input "sha": "deadbee" does not name exactly one commit/],
      [{ prefix: '-x' }, /Input "prefix"/],
      [{ source: 'tree', paths: '../outside' }, /Input "paths": "..\/outside" must be a path inside the workspace/],
      [{ source: 'tree', paths: 'missing' }, /Cannot read the tree id of "missing" at HEAD .*: the path is not in that commit/],
    ];
    for (const [inputs, message] of cases) {
      const r = runStep(DIR, { node, cwd: ws.dir, inputs });
      expect(r.code).toBe(1);
      expect(r.errors.join('\n')).toMatch(message);
      // Expected failures print no stack trace.
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    }
  });

  test('sha takes an abbreviation (what people type for a rollback), resolved with git', () => {
    const ws = new GitFixture();
    const first = ws.commit('one');
    ws.commit('two');
    const r = runStep(DIR, { node, cwd: ws.dir, inputs: { prefix: 'cloudtak-', sha: first.slice(0, 7).toUpperCase() } });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ tag: `cloudtak-${first.slice(0, 7)}`, sha: first });
  });

  test('an ambiguous abbreviation is refused and says why', () => {
    const r = runStep(DIR, { node, cwd: ambiguous.dir, inputs: { sha: ambiguous.prefix } });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(
      new RegExp(`Input "sha": "${ambiguous.prefix}" does not name exactly one commit .*ambiguous: several commits start with it`),
    );
  });

  test('a shallow clone says fetch-depth: 0 when the tree of an older commit is asked for', () => {
    const origin = new GitFixture().write({ 'svc/app.txt': 'v1' });
    const old = origin.commit('one');
    origin.write({ 'svc/app.txt': 'v2' }).commit('two');
    const clone = new GitFixture();
    clone.git('fetch', '-q', '--depth', '1', `file://${origin.dir}`, 'main');
    clone.git('checkout', '-q', 'FETCH_HEAD');
    const ok = runStep(DIR, { node, cwd: clone.dir, inputs: { source: 'tree', paths: 'svc' } });
    expect(ok.errors).toEqual([]);
    const r = runStep(DIR, { node, cwd: clone.dir, inputs: { source: 'tree', paths: 'svc', sha: old } });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/shallow clone.*fetch-depth: 0/);
  });
});
