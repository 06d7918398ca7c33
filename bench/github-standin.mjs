// A loopback stand-in for the two GitHub REST calls docker/metadata-action makes (the repository,
// and a commit's date when the event payload has none), so that the anchor chain runs offline.
// GITHUB_STANDIN_PORT (4580). GET /__calls counts the calls, GET /__health answers 200.
import { createServer } from 'node:http';

const PORT = Number(process.env.GITHUB_STANDIN_PORT || 4580);
const calls = {};
const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/__health') return json(res, 200, { ok: true });
  if (url.pathname === '/__calls') return json(res, 200, calls);
  let m = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (m) {
    calls['repos.get'] = (calls['repos.get'] ?? 0) + 1;
    const [, owner, name] = m;
    return json(res, 200, {
      id: 1,
      name,
      full_name: `${owner}/${name}`,
      html_url: `https://github.com/${owner}/${name}`,
      description: 'bench fixture',
      default_branch: 'main',
      license: { spdx_id: 'MIT' },
      owner: { login: owner },
      private: false,
      topics: [],
    });
  }
  m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/.exec(url.pathname);
  if (m) {
    calls['repos.getCommit'] = (calls['repos.getCommit'] ?? 0) + 1;
    return json(res, 200, { sha: m[3], commit: { committer: { date: '2026-11-30T12:00:00Z' } } });
  }
  json(res, 404, { message: 'Not Found' });
}).listen(PORT, '127.0.0.1');
