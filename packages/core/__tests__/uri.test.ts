import { formatReference, needsAccount, resolveImage } from '../src/index.js';

const env = { AWS_REGION: 'eu-west-1' };

describe('resolveImage', () => {
  test.each([
    [{ account: '123456789012', repository: 'cloudtak', tag: 'cloudtak-abc1234' }, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/cloudtak:cloudtak-abc1234'],
    [{ account: '123456789012', region: 'us-east-1', repository: 'app', tag: 'v1' }, '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1'],
    [{ account: '123456789012', region: 'cn-north-1', repository: 'app', tag: 'v1' }, '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:v1'],
    [{ registry: '210987654321', repository: 'app', tag: 'v1' }, '210987654321.dkr.ecr.eu-west-1.amazonaws.com/app:v1'],
    [{ registry: 'public.ecr.aws', repository: 'alias/lambda-heavy', tag: 'thumb-abc' }, 'public.ecr.aws/alias/lambda-heavy:thumb-abc'],
    [{ registry: 'localhost:5000', repository: 'app', tag: 'v1' }, 'localhost:5000/app:v1'],
    [{ image: 'ghcr.io/owner/app:v2' }, 'ghcr.io/owner/app:v2'],
    [{ image: 'ghcr.io/owner/app', tag: 'v3' }, 'ghcr.io/owner/app:v3'],
    [{ image: 'nginx:1.27' }, 'docker.io/nginx:1.27'],
  ])('%o -> %s', (inputs, uri) => {
    const r = resolveImage(inputs, env);
    expect(formatReference(r.ref)).toBe(uri);
    expect(r.warnings).toEqual([]);
  });

  test('latest and missing tags are warned about', () => {
    expect(resolveImage({ image: 'ghcr.io/o/app' }, env).warnings.join()).toMatch(/No tag given.*not pinned/);
    expect(resolveImage({ image: 'ghcr.io/o/app:latest' }, env).warnings.join()).toMatch(/"latest" is not pinned/);
    expect(resolveImage({ image: 'ghcr.io/o/app:api-latest' }, env).warnings).toHaveLength(1);
    expect(resolveImage({ image: `ghcr.io/o/app@sha256:${'b'.repeat(64)}` }, env).warnings).toEqual([]);
  });

  test.each([
    [{ image: 'a:b', repository: 'c' }, /Input "image": give either/],
    [{}, /Input "repository": required/],
    [{ repository: 'app' }, /Input "account"/],
    [{ account: '123', repository: 'app' }, /Input "account".*12 digits/],
    [{ account: '123456789012', repository: 'App' }, /Input "repository"/],
    [{ account: '123456789012', repository: 'a' }, /Input "repository".*2-256/],
    [{ registry: 'bad host', repository: 'app' }, /Input "registry"/],
    [{ registry: 'ghcr.io', repository: 'app', tag: '-x' }, /Input "tag"/],
  ])('%o is refused', (inputs, message) => {
    expect(() => resolveImage(inputs, env)).toThrow(message);
  });

  test('no region for the convention names the input', () => {
    expect(() => resolveImage({ account: '123456789012', repository: 'app' }, {})).toThrow(/Input "region"/);
  });

  test('needsAccount only when nothing names the registry', () => {
    expect(needsAccount({ repository: 'a' })).toBe(true);
    expect(needsAccount({ repository: 'a', account: '123456789012' })).toBe(false);
    expect(needsAccount({ repository: 'a', registry: 'ghcr.io' })).toBe(false);
    expect(needsAccount({ image: 'a' })).toBe(false);
  });
});

describe('planLogins', () => {
  test('accounts in the region, hosts in their own, ECR Public once, duplicates once', async () => {
    const { planLogins } = await import('../src/index.js');
    expect(
      planLogins(
        ['123456789012', '123456789012.dkr.ecr.us-east-1.amazonaws.com', '210987654321.dkr.ecr-fips.us-gov-west-1.amazonaws.com', 'public.ecr.aws'],
        'us-east-1',
        {},
      ),
    ).toEqual({
      private: [
        { host: '123456789012.dkr.ecr.us-east-1.amazonaws.com', account: '123456789012', region: 'us-east-1' },
        { host: '210987654321.dkr.ecr-fips.us-gov-west-1.amazonaws.com', account: '210987654321', region: 'us-gov-west-1' },
      ],
      public: 'public.ecr.aws',
    });
    expect(planLogins([], undefined, { AWS_REGION: 'eu-west-1' })).toEqual({ private: [{ host: '', account: '', region: 'eu-west-1' }] });
    expect(() => planLogins(['public.ecr.aws'], 'nowhere', {})).toThrow(/Input "region"/);
    expect(() => planLogins(['ghcr.io'], undefined, {})).toThrow(/Input "registries".*not an ECR registry/);
  });
});
