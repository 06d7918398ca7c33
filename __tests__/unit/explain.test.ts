// `ensure-image plan --explain`: what each tag covers, as a reader checks it.
import { FakeEcr, FakeGit, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { parseManifest } from '@ensure-image/core';
import { planImages } from '@ensure-image/steps';
import { explainLines } from '../../cli/src/explain.js';

test('explain lists the Dockerfile, stages, sources with their lines and the files read; hand-written paths and commit ids say so', async () => {
  const git = Object.assign(new FakeGit({ HEAD: 'a'.repeat(40) }), {
    files: {
      'Dockerfile.light': 'FROM scratch\nARG CMD_TARGET\nCOPY internal/ /internal/\nCOPY cmd/${CMD_TARGET}/ /app/\n',
      'svc/Dockerfile': 'FROM scratch\nCOPY . /app\n',
      'svc/app.txt': 'x\n',
      'cmd/api/main.txt': 'api\n',
      'internal/shared.txt': 's\n',
    },
  });
  const images = parseManifest({
    images: [
      { name: 'api', repository: 'app', account: '123456789012', region: 'us-east-1', file: 'Dockerfile.light', 'build-args': { CMD_TARGET: 'api' } },
      { name: 'svc', repository: 'svc', account: '123456789012', region: 'us-east-1', context: 'svc' },
      { name: 'hand', repository: 'app', account: '123456789012', region: 'us-east-1', file: 'Dockerfile.light', paths: ['cmd/api', 'internal'] },
    ],
  });
  const deps = { git, log: new MemoryLog(), ecr: async () => new FakeEcr(), registry: new FakeRegistry() };
  const planned = await planImages({ images, source: 'tree', length: 7, workspace: '/ws' }, deps, {}, { missingRepository: 'absent' });
  const lines = explainLines(planned, 'tree');
  expect(lines).toEqual([
    `api: ${planned[0]?.tag.tag}`,
    '  id: what Dockerfile.light reads (paths: auto), build args CMD_TARGET=api',
    '  stages: #0',
    '  line 3: internal  (COPY internal/ /internal/)',
    '  line 4: cmd/api  (COPY cmd/${CMD_TARGET}/ /app/)',
    '  files (2): cmd/api/main.txt internal/shared.txt',
    `svc: ${planned[1]?.tag.tag}`,
    '  id: what svc/Dockerfile reads (paths: auto)',
    '  stages: #0',
    '  whole context svc: line 2 (COPY . /app): COPY . copies the whole context',
    '  files (1): svc/app.txt',
    `hand: ${planned[2]?.tag.tag}`,
    '  id: git ids of paths cmd/api, internal (hand-written)',
  ]);
  expect(explainLines(planned, 'commit')[1]).toBe(`  id: commit ${'a'.repeat(40)}`);
});
