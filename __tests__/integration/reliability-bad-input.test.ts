// Reliability: bad input, as properties over every input of every action, run against the
// committed bundles (bounded: a few runs per action). Whatever the value: no stack trace,
// nothing executed from it, and a failed step fails with an ::error:: that, when it is about an
// input, names one this action has. The network is dead ends (a dead AWS endpoint, a dead
// docker socket), so runs stay fast and nothing leaves the machine.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ymlInputs } from '../action-yml.js';
import { GitFixture } from './git-fixture.js';
import { freePort, jestObject, stackTrace } from './reliability-kit.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, dockerConfig, tb } from './testbed.js';

jestObject.setTimeout(300000);
const NODE24 = NODES[1]?.[1] as string;
const RUNS = Number(process.env.BAD_INPUT_RUNS || 2); // per input

/** Inputs that make each action otherwise valid, so a failure is about the value under test. */
const BASE: Record<string, Record<string, string>> = {
  '.': { repository: 'app', account: '123456789012' },
  'actions/build-push': { image: `${tb.ociHost}/team/fuzz:v1` },
  'actions/cdk-context': { images: 'api=api-abc1234' },
  'actions/ecr-login': {},
  'actions/image-exists': { image: `${tb.ociHost}/team/fuzz:v1` },
  'actions/plan': { manifest: 'images.yml' },
  'actions/resolve-tag': { prefix: 'api' },
};

const inputsOf = (dir: string): string[] => Object.keys(ymlInputs(dir));

/** Values that try to run something (each would create the file MARK), break the runner's protocol, or are just odd. */
const marker = 'MARK';
const value = () =>
  fc.oneof(
    fc.constantFrom(
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `x; touch ${marker}`,
      `x && touch ${marker} #`,
      `x | touch ${marker}`,
      `--help; touch ${marker}`,
      `'; touch ${marker}; '`,
    ),
    fc.constantFrom(
      '::error::fake',
      '%0A::set-output name=x::y',
      'a\nb',
      '-',
      '--',
      '-v',
      ' ',
      'true ',
      'yes',
      '0',
      '-1',
      '9'.repeat(40),
      '../../../../etc/passwd',
      'UPPER/Case:Tag',
      'a=b=c',
      '=x',
      'x=',
      '@sha256:zz',
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }).map((s) => s.replace(/\0/g, '')),
    fc
      .tuple(fc.string({ maxLength: 8 }), fc.constantFrom('$', '`', ';', '|', '&', '>', '\n', '\r', '\t', '"', "'", '\\', '*', '?'))
      .map(([a, b]) => `${a}${b}${a}`),
  );

const workspace = new GitFixture().write({
  Dockerfile: 'FROM scratch\nCOPY a.txt /a.txt\n',
  'a.txt': 'a\n',
  'images.yml': 'images:\n  - {name: api, repository: app, account: "123456789012"}\n',
});
workspace.commit('one');

describe.each(Object.keys(BASE))('bad input to %s', (dir) => {
  const names = inputsOf(dir);

  test(`each of its ${names.length} inputs: no stack trace, nothing executed, a clear ::error::`, async () => {
    const dead = await freePort();
    const markers = mkdtempSync(join(tmpdir(), 'fuzz-mark-'));
    let n = 0;
    const failures = { total: 0, naming: 0 };
    for (const name of names)
      fc.assert(
        fc.property(value(), fc.context(), (raw, ctx) => {
          const mark = join(markers, `m${n++}`);
          const v = raw.split(marker).join(mark);
          ctx.log(`${name}=${JSON.stringify(v)}`);
          const r = runStep(dir, {
            node: NODE24,
            cwd: workspace.dir,
            timeoutMs: 60000,
            env: actionEnv(dockerConfig(), {
              AWS_ENDPOINT_URL_ECR: `http://127.0.0.1:${dead}`,
              AWS_ENDPOINT_URL_ECR_PUBLIC: `http://127.0.0.1:${dead}`,
              AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${dead}`,
              AWS_MAX_ATTEMPTS: '1',
              DOCKER_HOST: `unix://${markers}/no-dockerd.sock`,
            }),
            inputs: { ...BASE[dir], [name]: v },
          });
          ctx.log(`code ${r.code}: ${r.errors.join(' | ').slice(0, 300)}`);
          expect(stackTrace(r)).toBeUndefined();
          expect(existsSync(mark)).toBe(false);
          expect(r.code === 0 || r.code === 1).toBe(true);
          if (r.code !== 0) {
            failures.total++;
            expect(r.errors.length).toBeGreaterThanOrEqual(1);
            const named = [...r.errors.join('\n').matchAll(/Input "([^"]+)"/g)].map((m) => m[1]);
            for (const input of named) expect(names).toContain(input);
            if (named.includes(name)) failures.naming++;
          }
        }),
        { numRuns: RUNS },
      );
    // Not every odd value is invalid (a password may be anything), but some always are.
    expect(failures.total).toBeGreaterThan(0);
  });
});

test('a value built to be invalid names its input, for an input of each action', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['.', { repository: 'app', 'tag-source': '$(touch /tmp/x)' }, 'tag-source'],
    ['actions/build-push', { image: 'UPPER/Case:Tag;rm' }, 'image'],
    ['actions/cdk-context', { images: 'no-equals-sign' }, 'images'],
    ['actions/ecr-login', { 'mask-password': 'yes; touch /tmp/x' }, 'mask-password'],
    ['actions/image-exists', { image: '`id`' }, 'image'],
    ['actions/plan', { manifest: 'images.yml', source: 'x|y' }, 'source'],
    ['actions/resolve-tag', { prefix: 'api', length: '-1' }, 'length'],
  ];
  for (const [dir, inputs, name] of cases) {
    const r = runStep(dir, { node: NODE24, cwd: workspace.dir, env: actionEnv(dockerConfig()), inputs });
    expect([dir, r.code]).toEqual([dir, 1]);
    expect(r.errors.join('\n')).toMatch(new RegExp(`Input "${name}"`));
    expect(stackTrace(r)).toBeUndefined();
  }
});
