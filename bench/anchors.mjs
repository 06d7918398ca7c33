// Other projects' action bundles, run beside ours in the same bench run (`--anchor name=PATH`
// to their dist entry). They are never part of this repository: check them out yourself.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ANCHORS = {
  'amazon-ecr-login': 'aws-actions/amazon-ecr-login, dist/index.js',
  'login-action': 'docker/login-action, dist/index.js',
  'metadata-action': 'docker/metadata-action, dist/index.cjs (v6) or dist/index.js',
};

export const HOW_TO =
  'supply them as checkouts of the public repositories, e.g.\n' +
  '  pnpm bench --anchor amazon-ecr-login@v2.1.7=PATH/amazon-ecr-login/dist/index.js \\\n' +
  '             --anchor login-action@v4.1.0=PATH/login-action/dist/index.js \\\n' +
  '             --anchor metadata-action@v6.2.0=PATH/metadata-action/dist/index.cjs\n' +
  '(or BENCH_ANCHORS="name=PATH name=PATH"); never commit them.';

/** { name: { entry, version } } from --anchor name[@version]=PATH arguments (and BENCH_ANCHORS). */
export function parseAnchors(argv, envList = process.env.BENCH_ANCHORS ?? '') {
  const specs = [...envList.split(/\s+/).filter(Boolean)];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--anchor') specs.push(argv[++i] ?? '');
    else if (argv[i].startsWith('--anchor=')) specs.push(argv[i].slice('--anchor='.length));
  }
  const out = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const [name, tagged] = spec.slice(0, eq).split('@');
    const entry = spec.slice(eq + 1);
    if (eq <= 0 || !ANCHORS[name]) throw new Error(`--anchor ${spec}: expected NAME=PATH with NAME one of ${Object.keys(ANCHORS).join(', ')}`);
    if (!existsSync(entry)) throw new Error(`--anchor ${spec}: ${entry} does not exist`);
    out[name] = { entry, version: tagged || versionOf(entry) };
  }
  return out;
}

/** The checkout's version when not given: package.json's "version" next to dist/. */
function versionOf(entry) {
  const root = dirname(dirname(entry));
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return pkg.version ? `v${pkg.version}` : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function actionYml(entry) {
  const p = join(dirname(dirname(entry)), 'action.yml');
  return existsSync(p) ? p : undefined;
}
