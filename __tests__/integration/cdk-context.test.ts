import { execFileSync } from 'node:child_process';
import { NODES, runStep } from './runner.js';

describe.each(NODES)('cdk-context bundle under %s', (_label, node) => {
  test('CloudTAK-style args, shell-ready and as argv', () => {
    const r = runStep('actions/cdk-context', {
      node,
      inputs: { images: 'cloudtak=cloudtak-abc1234\nmedia-lambda=media-abc1234\n', extra: "stage=prod\nnote=it's a,b=c" },
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const argv = JSON.parse(r.outputs['args-json'] as string);
    expect(argv).toEqual([
      '--context',
      'usePreBuiltImages=true',
      '--context',
      'cloudtakImageTag=cloudtak-abc1234',
      '--context',
      'mediaLambdaImageTag=media-abc1234',
      '--context',
      'stage=prod',
      '--context',
      "note=it's a,b=c",
    ]);
    const viaShell = execFileSync('sh', ['-c', `set -- ${r.outputs.args}; printf '%s\\n' "$@"`], { encoding: 'utf8' });
    expect(viaShell.trimEnd().split('\n')).toEqual(argv);
    expect(JSON.parse(r.outputs.json as string)).toMatchObject({ cloudtakImageTag: 'cloudtak-abc1234' });
    expect(r.summary).toContain('CDK context');
  });

  test('a bad boolean-ish input fails the step and names the input', () => {
    const r = runStep('actions/cdk-context', { node, inputs: { images: 'a=b', 'use-prebuilt': 'yes' } });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/Input "use-prebuilt": expected one of true, false, auto, got "yes"/);
  });

  test('auto with an untagged image says which one, and CDK builds itself', () => {
    const r = runStep('actions/cdk-context', { node, inputs: { images: 'cloudtak=cloudtak-abc1234\nevents=' } });
    expect(r.code).toBe(0);
    expect(r.outputs.args).toBe('--context usePreBuiltImages=false');
    expect(r.warnings.join('\n')).toMatch(/use-prebuilt auto: "events" has no tag/);
  });

  test('comma-joined images get the hint; a name that makes no readable CDK key is refused with the rule', () => {
    const joined = runStep('actions/cdk-context', { node, inputs: { images: 'a=t1,b=t2' } });
    expect(joined.code).toBe(1);
    expect(joined.errors.join('\n')).toMatch(/Input "images": "a=t1,b=t2" is not one name=tag: .*pairs go one per line/);
    const spaced = runStep('actions/cdk-context', { node, inputs: { images: 'media mtx=t1' } });
    expect(spaced.errors.join('\n')).toMatch(/Input "images": "media mtx" cannot form a CDK context key: an image name starts with a letter/);
    expect(spaced.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });
});
