import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import {
  ValidationError,
  aliasTags,
  camelCase,
  cdkContext,
  combineContentIds,
  contextKey,
  formatTag,
  normalisePath,
  parseBoolean,
  parseChoice,
  parseInteger,
  parseKeyValues,
  parseList,
  shellQuote,
  shortId,
  validateSha,
} from '../src/index.js';

const SHA = 'abc1234def5678abc1234def5678abc1234def56';

describe('tags', () => {
  test('prefix-id from a commit sha', () => {
    expect(formatTag('cloudtak', shortId(SHA, 7))).toBe('cloudtak-abc1234');
    expect(formatTag('', shortId(SHA, 7))).toBe('abc1234');
    expect(shortId(SHA, 0)).toBe(SHA);
    expect(shortId(SHA, 40)).toBe(SHA);
    expect(shortId(SHA, 12)).toBe('abc1234def56');
  });
  test('aliases', () => {
    expect(aliasTags('api', ['latest', 'main'])).toEqual(['api-latest', 'api-main']);
    expect(aliasTags('', ['latest'])).toEqual(['latest']);
  });
  test('validation', () => {
    expect(validateSha('sha', SHA.toUpperCase())).toBe(SHA);
    expect(() => validateSha('sha', 'abc')).toThrow(/Input "sha".*40 or 64 hex/);
    expect(() => formatTag('-bad', 'abc')).toThrow(ValidationError);
    expect(() => aliasTags('p', ['a b'])).toThrow(/Input "aliases"/);
  });
  test('content ids combine independent of order; one path keeps its git id', () => {
    const a = { path: 'src', id: '1'.repeat(40) };
    const b = { path: 'Dockerfile', id: '2'.repeat(40) };
    expect(combineContentIds([a])).toBe(a.id);
    expect(combineContentIds([a, b])).toBe(combineContentIds([b, a]));
    expect(combineContentIds([a, b])).toMatch(/^[a-f0-9]{40}$/);
    expect(combineContentIds([a, { ...b, id: '3'.repeat(40) }])).not.toBe(combineContentIds([a, b]));
    expect(() => combineContentIds([])).toThrow(/Input "paths"/);
  });
  test('paths are workspace-relative', () => {
    expect(normalisePath('paths', './a/b/')).toBe('a/b');
    expect(normalisePath('paths', '.')).toBe('.');
    expect(() => normalisePath('paths', '../x')).toThrow(/Input "paths"/);
    expect(() => normalisePath('paths', '/etc')).toThrow(/inside the workspace/);
  });
});

describe('cdk context', () => {
  test('the CloudTAK deploy arguments', () => {
    const c = cdkContext({
      flag: 'usePreBuiltImages',
      usePrebuilt: true,
      images: [{ name: 'cloudtak', tag: 'cloudtak-abc1234' }],
      keySuffix: 'ImageTag',
      extra: [],
    });
    expect(c.argv).toEqual(['--context', 'usePreBuiltImages=true', '--context', 'cloudtakImageTag=cloudtak-abc1234']);
    expect(c.shell).toBe('--context usePreBuiltImages=true --context cloudtakImageTag=cloudtak-abc1234');
    expect(c.json).toEqual({ usePreBuiltImages: 'true', cloudtakImageTag: 'cloudtak-abc1234' });
  });
  test('without pre-built images only the flag (and extras) go through', () => {
    const c = cdkContext({
      flag: 'usePreBuiltImages',
      usePrebuilt: false,
      images: [{ name: 'a', tag: 't' }],
      keySuffix: 'ImageTag',
      extra: [{ key: 'env', value: 'prod' }],
    });
    expect(c.argv).toEqual(['--context', 'usePreBuiltImages=false', '--context', 'env=prod']);
  });
  test.each([
    ['media-lambda', 'mediaLambda'],
    ['cloudtak', 'cloudtak'],
    ['cloud_tak', 'cloudTak'],
    ['PMTiles', 'pMTiles'],
    ['api.v2-server', 'apiV2Server'],
  ])('camelCase(%s) = %s', (name, out) => {
    expect(camelCase(name)).toBe(out);
  });
  test('keys', () => {
    expect(contextKey('media-lambda', 'ImageTag')).toBe('mediaLambdaImageTag');
    const base = { flag: '', usePrebuilt: true, images: [], keySuffix: 'ImageTag' };
    expect(() => cdkContext({ ...base, extra: [{ key: 'aws:cdk:x', value: '1' }] })).toThrow(/Input "extra".*reserves/);
    expect(() => cdkContext({ ...base, flag: 'AWS:x', extra: [] })).toThrow(/Input "flag"/);
    expect(() => cdkContext({ ...base, images: [{ name: 'a', tag: 'x' }], extra: [{ key: 'aImageTag', value: 'y' }] })).toThrow(/twice/);
  });
  test('shell-quoted args survive any value through sh', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 30 }).filter((s) => !s.includes('\0') && !s.includes('\n')),
          { maxLength: 5 },
        ),
        (words) => {
          const script = `printf '%s\\n' ${words.map(shellQuote).join(' ')}`;
          const out = execFileSync('sh', ['-c', words.length === 0 ? 'true' : script], { encoding: 'utf8' });
          expect(out).toBe(words.map((w) => `${w}\n`).join(''));
        },
      ),
      { numRuns: 60 },
    );
  });
  test('the whole args string round-trips through sh -c "printf %s\\n $@"', () => {
    const c = cdkContext({
      flag: 'usePreBuiltImages',
      usePrebuilt: true,
      images: [{ name: 'x', tag: 'x-1' }],
      keySuffix: 'ImageTag',
      extra: [{ key: 'msg', value: `it's $HOME "q" a,b=c ; rm -rf` }],
    });
    const out = execFileSync('sh', ['-c', `set -- ${c.shell}; printf '%s\\n' "$@"`], { encoding: 'utf8' });
    expect(out.split('\n').slice(0, -1)).toEqual(c.argv);
  });
});

describe('strict inputs', () => {
  test.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
    [' false ', false],
  ])('boolean %j', (v, b) => {
    expect(parseBoolean('push', v)).toBe(b);
  });
  test.each([['yes'], ['1'], ['on'], ['']])('boolean %j is an error naming the input', (v) => {
    expect(() => parseBoolean('push', v)).toThrow('Input "push": expected true or false');
  });
  test('empty boolean takes a default when there is one', () => {
    expect(parseBoolean('push', '', true)).toBe(true);
  });
  test('lists split on newlines or commas', () => {
    expect(parseList('a, b\n\n c,,\n')).toEqual(['a', 'b', 'c']);
    expect(parseList('')).toEqual([]);
  });
  test('key=value per line; values may hold commas and =', () => {
    expect(parseKeyValues('build-args', 'CMD_TARGET=media-lambda\nLIST=a,b,c\n\n# note\nQ=x=y')).toEqual([
      { key: 'CMD_TARGET', value: 'media-lambda' },
      { key: 'LIST', value: 'a,b,c' },
      { key: 'Q', value: 'x=y' },
    ]);
    expect(() => parseKeyValues('labels', 'novalue')).toThrow(/Input "labels": line 1 must be key=value/);
    expect(() => parseKeyValues('labels', '=v')).toThrow(/key=value/);
    expect(() => parseKeyValues('labels', 'a=1\na=2')).toThrow(/twice/);
  });
  test('platforms and stages', async () => {
    const { parsePlatforms, validateStage } = await import('../src/index.js');
    expect(parsePlatforms('platforms', 'linux/amd64, linux/arm64/v8\n')).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(() => parsePlatforms('platforms', 'amd64')).toThrow(/Input "platforms": "amd64" is not a platform/);
    expect(validateStage('target', 'runtime-2')).toBe('runtime-2');
    expect(validateStage('target', '')).toBe('');
    expect(() => validateStage('target', '--push')).toThrow(/Input "target"/);
  });
  test('integers and choices', () => {
    expect(parseInteger('length', '', 7, 1, 64)).toBe(7);
    expect(parseInteger('length', '12', 7, 1, 64)).toBe(12);
    expect(() => parseInteger('length', '0', 7, 1, 64)).toThrow(/Input "length": expected a whole number from 1 to 64/);
    expect(() => parseInteger('length', '7.5', 7, 1, 64)).toThrow(ValidationError);
    expect(parseChoice('source', 'TREE', ['commit', 'tree'] as const, 'commit')).toBe('tree');
    expect(() => parseChoice('source', 'x', ['commit', 'tree'] as const, 'commit')).toThrow(/one of commit, tree/);
  });
});
