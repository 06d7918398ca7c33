import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { BatchedGit, GitCli, HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import { ValidationError, cdkContext, parseChoice, parseInteger, parseManifest, shown } from '@ensure-image/conventions';
import { getInput, log, setOutputs, workspace, writeSummary } from '@ensure-image/kit';
import { buildMatrix, planImages } from '@ensure-image/steps';
import { parse as parseYaml } from 'yaml';

async function readManifest(ws: string): Promise<unknown> {
  const rel = getInput('manifest');
  if (!rel) throw new ValidationError('manifest', 'required: the path of the images file, relative to the workspace');
  let text: string;
  try {
    text = await readFile(path.resolve(ws, rel), 'utf8');
  } catch {
    throw new ValidationError('manifest', `${shown(rel)} cannot be read (paths are relative to the workspace, ${ws})`);
  }
  try {
    return parseYaml(text);
  } catch (e) {
    throw new ValidationError('manifest', `${shown(rel)} is not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

export async function run(): Promise<void> {
  const ws = workspace();
  const images = parseManifest(await readManifest(ws));
  const source = parseChoice('source', getInput('source'), ['commit', 'tree'] as const, 'commit');
  const length = parseInteger('length', getInput('length'), 7, 1, 64);
  const missingRepository = parseChoice('missing-repository', getInput('missing-repository'), ['error', 'absent'] as const, 'error');

  const planned = await planImages(
    { images, source, length, workspace: ws, ...(process.env.GITHUB_SHA ? { githubSha: process.env.GITHUB_SHA } : {}) },
    { git: new BatchedGit(new GitCli()), log, ecr: loadSdkEcr, registry: new HttpRegistry() },
    process.env,
    { missingRepository },
  );
  const missing = planned.filter((p) => !p.exists).map((p) => p.spec.name);
  const cdk = cdkContext({
    flag: getInput('flag'),
    usePrebuilt: true,
    images: planned.map((p) => ({ name: p.spec.name, tag: p.tag.tag })),
    keySuffix: getInput('key-suffix'),
    extra: [],
  });
  for (const p of planned) log.info(`${p.exists ? 'exists ' : 'missing'} ${p.image}${p.digest ? ` ${p.digest}` : ''}`);
  setOutputs({
    matrix: JSON.stringify(buildMatrix(planned)),
    missing: missing.join(','),
    images: JSON.stringify(planned.map((p) => ({ name: p.spec.name, image: p.image, tag: p.tag.tag, exists: p.exists, digest: p.digest }))),
    'cdk-args': cdk.shell,
  });
  await writeSummary(`Image plan: ${missing.length} of ${planned.length} to build`, planned.map((p) => [p.spec.name, `${p.exists ? 'exists' : 'to build'}: ${p.image}`]));
}
