// The CloudTAK siblings (examples/cdk-siblings: four images in two repositories) planned from
// their images.yml, their compose.yaml and their docker-bake.hcl, on the testbed, under the
// runner (the plan bundle) and the CLI: the same images, tags and CDK args every way. The bake
// file is resolved by the real buildx plugin (../shared/tools), linked into the DOCKER_CONFIG;
// without it the bake half is reported as skipped.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { GitFixture } from './git-fixture.js';
import { NODES, ROOT, runStep } from './runner.js';
import { actionEnv, dockerConfig, standin, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;
const CLI = join(ROOT, 'cli/dist/index.js');
const PLUGIN = process.env.BUILDX_PLUGIN || join(ROOT, '../shared/tools/docker-buildx');
const HAVE = existsSync(PLUGIN);
if (!HAVE) console.warn(`bake plans skipped: no docker-buildx plugin at ${PLUGIN} (set BUILDX_PLUGIN)`);

beforeEach(() => standin.reset());

function config(): string {
  const dir = dockerConfig();
  if (HAVE) {
    mkdirSync(join(dir, 'cli-plugins'));
    symlinkSync(PLUGIN, join(dir, 'cli-plugins', 'docker-buildx'));
  }
  return dir;
}

test('cdk-siblings: images.yml, compose.yaml and docker-bake.hcl plan the same images, tags and CDK args (runner and CLI)', async () => {
  const ws = new GitFixture();
  cpSync(join(ROOT, 'examples/cdk-siblings'), ws.dir, { recursive: true });
  ws.commit('siblings');
  const run = unique('sib');
  const env = actionEnv(config(), { ECR_ARTIFACTS_REPO: `${run}-artifacts`, ECR_ETL_TASKS_REPO: `${run}-etl` });
  const manifests = ['images.yml', 'compose.yaml', ...(HAVE ? ['docker-bake.hcl'] : [])];

  const plans = manifests.map((manifest) => {
    const r = runStep('actions/plan', { node: NODE24, cwd: ws.dir, env, inputs: { manifest, 'missing-repository': 'absent' } });
    expect([manifest, r.errors]).toEqual([manifest, []]);
    return { manifest, outputs: r.outputs };
  });
  const [first] = plans;
  const images = JSON.parse(first?.outputs.images as string) as { name: string; image: string; tag: string }[];
  expect(images.map((i) => i.name)).toEqual(['cloudtak', 'events', 'pmtiles', 'data']);
  expect(images.map((i) => i.image.split('/').pop()?.split(':')[0])).toEqual([`${run}-artifacts`, `${run}-artifacts`, `${run}-artifacts`, `${run}-etl`]);
  for (const p of plans.slice(1)) {
    expect([p.manifest, p.outputs.images]).toEqual([p.manifest, first?.outputs.images]);
    expect([p.manifest, p.outputs.matrix]).toEqual([p.manifest, first?.outputs.matrix]);
    expect([p.manifest, p.outputs['cdk-args']]).toEqual([p.manifest, first?.outputs['cdk-args']]);
  }

  const cli = (manifest: string) => {
    const r = spawnSync(NODE24, [CLI, 'plan', '--json', '--manifest', manifest], {
      cwd: ws.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      encoding: 'utf8',
    });
    expect([manifest, r.status, r.stderr]).toEqual([manifest, 0, '']);
    return (JSON.parse(r.stdout) as { name: string; image: string; tag: string }[]).map((p) => [p.name, p.image, p.tag]);
  };
  const viaCli = manifests.map(cli);
  for (const c of viaCli) expect(c).toEqual(images.map((i) => [i.name, i.image, i.tag]));
  // auto takes images.yml first: the same again.
  expect(cli('auto')).toEqual(viaCli[0]);
});
