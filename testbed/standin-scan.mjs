// The stand-in's image scanning: DescribeImageScanFindings and StartImageScan answering from
// findings that tests set per image (testbed/standin.mjs mounts this module).
//
// Control API:
//   POST /__scans  {repository, digest | tag | '*', shape: basic|enhanced, statuses: [..],
//                   findings: [{id, severity, package, installed, fixedIn}],
//                   generate: {count, severity, prefix}, notScanned, startError, description,
//                   completedAgo: seconds before the first read that the scan completed (default 0)}
//     statuses: each first-page read takes the next entry, the last one stays. An entry is a
//     status word, or {status, empty: true} for a read that lists no findings yet (an enhanced
//     COMPLETE before its findings). notScanned: reads answer ScanNotFoundException until a
//     StartImageScan. startError: the error code StartImageScan answers (LimitExceededException...).
//     digest '*' applies to every image of the repository without an entry of its own.
//   GET /__scans   each entry with how often it was read and started.
// An image with no entry answers ScanNotFoundException; StartImageScan then gives it a basic
// scan: IN_PROGRESS, then COMPLETE with no findings.

let scans = new Map();

const key = (repo, digest) => `${repo}@${digest}`;

function expand(entry) {
  const own = (entry.findings || []).map((f) => ({ ...f }));
  const g = entry.generate;
  const made = g
    ? Array.from({ length: g.count }, (_, n) => ({
        id: `${g.prefix || 'CVE-2026-'}${10000 + n}`,
        severity: g.severity || 'LOW',
        package: `pkg${n}`,
        installed: '1.0',
        fixedIn: '1.1',
      }))
    : [];
  return [...own, ...made];
}

function basicShape(f) {
  return {
    name: f.id,
    severity: f.severity,
    uri: `https://security-tracker.example/${f.id}`,
    attributes: [...(f.package ? [{ key: 'package_name', value: f.package }] : []), ...(f.installed ? [{ key: 'package_version', value: f.installed }] : [])],
  };
}

function enhancedShape(f, n) {
  return {
    awsAccountId: '123456789012',
    findingArn: `arn:aws:inspector2:us-east-1:123456789012:finding/${n}`,
    severity: f.severity,
    status: f.status || 'ACTIVE',
    title: `${f.id} - ${f.package || 'package'}`,
    type: 'PACKAGE_VULNERABILITY',
    packageVulnerabilityDetails: {
      vulnerabilityId: f.id,
      source: 'NVD',
      vulnerablePackages: [
        { name: f.package || 'package', version: f.installed || '0', ...(f.fixedIn ? { fixedInVersion: f.fixedIn } : {}), packageManager: 'OS' },
      ],
    },
  };
}

/**
 * The ECR operations, given the stand-in's registry fetch and error class.
 * `resolveTag(repo, tag)` -> digest or undefined.
 */
export function scanOps({ registryFetch, ApiError, repositoryExists }) {
  async function lookup(body) {
    const repo = body.repositoryName;
    if (!(await repositoryExists(repo))) throw new ApiError('RepositoryNotFoundException', `The repository with name '${repo}' does not exist`);
    const ref = body.imageId?.imageDigest || body.imageId?.imageTag;
    const head = await registryFetch(`/v2/${repo}/manifests/${ref}`, 'HEAD');
    if (head.status !== 200)
      throw new ApiError('ImageNotFoundException', `The image with imageId {imageDigest:'${ref}'} does not exist within the repository with name '${repo}'`);
    const digest = head.headers.get('docker-content-digest');
    return { repo, digest, entry: scans.get(key(repo, digest)) || scans.get(key(repo, '*')) };
  }

  return {
    async DescribeImageScanFindings(body) {
      const { repo, digest, entry } = await lookup(body);
      if (!entry || (entry.notScanned && !entry.started)) {
        throw new ApiError(
          'ScanNotFoundException',
          `Image scan does not exist for the image with '{imageDigest:'${digest}'}' in the repository with name '${repo}'`,
        );
      }
      // Reads per digest, so every platform of a '*' entry walks the sequence on its own.
      const reads = (entry.reads[digest] = (entry.reads[digest] ?? 0) + (body.nextToken ? 0 : 1));
      const seq = entry.statuses?.length ? entry.statuses : ['COMPLETE'];
      const at = seq[Math.min(reads - 1, seq.length - 1)];
      const step = typeof at === 'string' ? { status: at } : at;
      const done = ['COMPLETE', 'ACTIVE'].includes(step.status) && !step.empty;
      const all = done ? expand(entry) : [];
      // A scan completes once: later reads give the same completion time, as ECR's do.
      entry.completedAt ??= {};
      if (done) entry.completedAt[digest] ??= Date.now() / 1000 - (Number(entry.completedAgo) || 0);
      const size = Math.min(Number(body.maxResults) || 100, 1000);
      const from = Number(body.nextToken || 0);
      const page = all.slice(from, from + size);
      const enhanced = entry.shape === 'enhanced';
      const counts = {};
      for (const f of all) counts[f.severity] = (counts[f.severity] || 0) + 1;
      return {
        registryId: body.registryId || '123456789012',
        repositoryName: repo,
        imageId: { imageDigest: digest },
        imageScanStatus: { status: step.status, description: step.description || entry.description || `The scan was ${step.status.toLowerCase()}.` },
        imageScanFindings: {
          ...(done ? { imageScanCompletedAt: entry.completedAt[digest], vulnerabilitySourceUpdatedAt: entry.completedAt[digest] } : {}),
          findingSeverityCounts: counts,
          ...(enhanced ? { enhancedFindings: page.map((f, n) => enhancedShape(f, from + n)) } : { findings: page.map(basicShape) }),
        },
        ...(from + size < all.length ? { nextToken: String(from + size) } : {}),
      };
    },

    async StartImageScan(body) {
      const { repo, digest } = await lookup(body);
      let entry = scans.get(key(repo, digest)) || scans.get(key(repo, '*'));
      if (entry?.startError) throw new ApiError(entry.startError, `injected ${entry.startError} for StartImageScan`);
      if (!entry) {
        entry = { repository: repo, digest, statuses: ['IN_PROGRESS', 'COMPLETE'], findings: [], reads: {}, starts: 0 };
        scans.set(key(repo, digest), entry);
      }
      entry.started = true;
      entry.starts = (entry.starts || 0) + 1;
      return { registryId: '123456789012', repositoryName: repo, imageId: { imageDigest: digest }, imageScanStatus: { status: 'IN_PROGRESS' } };
    },
  };
}

/** The control API: a reply `{status, body}` for /__scans, else undefined. */
export async function scanControl(url, method, raw, { registryFetch }) {
  if (url.pathname !== '/__scans') return undefined;
  if (method === 'GET') return { status: 200, body: Object.fromEntries([...scans].map(([k, e]) => [k, { reads: e.reads, starts: e.starts || 0 }])) };
  const list = [JSON.parse(raw || '{}')].flat();
  for (const e of list) {
    let digest = e.digest;
    if (!digest && e.tag) {
      const head = await registryFetch(`/v2/${e.repository}/manifests/${e.tag}`, 'HEAD');
      if (head.status !== 200) return { status: 404, body: { error: `no image ${e.repository}:${e.tag}` } };
      digest = head.headers.get('docker-content-digest');
    }
    scans.set(key(e.repository, digest || '*'), { ...e, digest: digest || '*', reads: {}, starts: 0, started: false });
  }
  return { status: 200, body: { ok: true, set: list.length } };
}

export function resetScans() {
  scans = new Map();
}
