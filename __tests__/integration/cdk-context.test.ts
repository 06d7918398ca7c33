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
      '--context', 'usePreBuiltImages=true',
      '--context', 'cloudtakImageTag=cloudtak-abc1234',
      '--context', 'mediaLambdaImageTag=media-abc1234',
      '--context', 'stage=prod',
      '--context', "note=it's a,b=c",
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
});
