// Reliability: nothing half-done. A push that fails midway (the layers are up, the registry then
// refuses the manifest) leaves no tag pointing at a partial image and no digest in the outputs.
import * as http from 'node:http';
import { GitFixture } from './git-fixture.js';
import { jestObject } from './reliability-kit.js';
import { NODES, runStepAsync } from './runner.js';
import { actionEnv, dockerConfig, registryDigest, tb, unique } from './testbed.js';

jestObject.setTimeout(180000);
const NODE24 = NODES[1]?.[1] as string;

/** A loopback registry front: passes everything to :5000, refuses every manifest PUT. */
function refusingManifests(): Promise<{ host: string; seen: string[]; close: () => void }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url?.split('?')[0]}`);
    if (req.method === 'PUT' && /\/manifests\//.test(req.url ?? '')) {
      req.resume();
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'storage failure (injected)' }] }));
      return;
    }
    const up = http.request({ host: '127.0.0.1', port: 5000, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ host: `127.0.0.1:${(server.address() as { port: number }).port}`, seen, close: () => server.close() })),
  );
}

describe.each(['actions/build-push', '.'])('%s: a push that fails midway', (dir) => {
  test('no tag on a partial image, no digest output, a failed step', async () => {
    const front = await refusingManifests();
    try {
      const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\nCOPY a.txt /a.txt\n', 'a.txt': `${unique('c')}\n` });
      ws.commit('one');
      const repo = `team/${unique('half')}`;
      const inputs: Record<string, string> =
        dir === '.'
          ? { repository: repo, registry: front.host, username: tb.ociAuth.username, password: tb.ociAuth.password, aliases: 'latest' }
          : { image: `${front.host}/${repo}:v1`, tags: 'v1-latest', 'skip-if-exists': 'false' };
      const r = await runStepAsync(dir, { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig({ [front.host]: tb.ociAuth })), inputs });
      expect(r.code).toBe(1);
      expect(r.errors.join('\n')).toMatch(/push|manifest/i);
      // The layers did reach the registry: the failure came midway, at the manifest.
      expect(front.seen.some((s) => /^(PUT|PATCH) .*\/blobs\/uploads\//.test(s))).toBe(true);
      expect(front.seen.some((s) => /^PUT .*\/manifests\//.test(s))).toBe(true);
      for (const tag of [r.outputs.tag || 'v1', 'v1-latest', 'latest']) expect(await registryDigest(tb.ociHost, repo, tag, tb.ociAuth)).toBeUndefined();
      expect(r.outputs.digest ?? '').toBe('');
      expect(r.outputs['image-digest'] ?? '').toBe('');
    } finally {
      front.close();
    }
  });
});
