import { readInputs } from '../src/inputs.js';

const env = (inputs: Record<string, string>) => ({
  GITHUB_WORKSPACE: '/ws',
  ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
});

test('paths: auto tags what the Dockerfile named by context/file/build-args/target reads; the default stays the path "."', () => {
  const auto = readInputs(env({ source: 'tree', paths: 'auto', context: 'svc', 'build-args': 'CMD_TARGET=api', target: 'final', prefix: 'api' }));
  expect(auto).toMatchObject({
    auto: true,
    paths: ['svc'],
    build: { context: 'svc', file: 'svc/Dockerfile', buildArgs: [{ key: 'CMD_TARGET', value: 'api' }], target: 'final', name: 'api' },
  });
  const plain = readInputs(env({ source: 'tree' }));
  expect(plain.paths).toEqual(['.']);
  expect(plain.auto).toBeUndefined();
  expect(readInputs(env({ source: 'tree', paths: 'auto', file: 'Dockerfile.light' }))).toMatchObject({
    paths: ['.'],
    build: { context: '.', file: 'Dockerfile.light' },
  });
});
