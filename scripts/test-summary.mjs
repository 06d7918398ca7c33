// The last lines of a test run: how many tests ran in each jest project, and every skipped
// test grouped by the reason its title gives ("(skipped: BUILDX_PLUGIN not set)"). A skip
// without a reason is shown as such, so it cannot pass unnoticed. Reads the JSON results that
// `pnpm test:unit` and `pnpm test:integration` write to .test-results/.
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
let failedAny = false;
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const project of ['unit', 'integration']) {
  const file = `${root}.test-results/${project}.json`;
  if (!existsSync(file)) {
    console.log(`${project}: did not run (no ${file})`);
    failedAny = true;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const tests = r.testResults.flatMap((s) => s.assertionResults.map((a) => ({ ...a, file: s.name.replace(root, '') })));
  const count = (status) => tests.filter((t) => t.status === status).length;
  const skipped = tests.filter((t) => t.status === 'pending' || t.status === 'skipped' || t.status === 'todo');
  const failedSuites = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')).length;
  totals.passed += count('passed');
  totals.failed += count('failed') + failedSuites;
  totals.skipped += skipped.length;
  console.log(
    `${project}: ${count('passed')} passed, ${count('failed')} failed${failedSuites ? `, ${failedSuites} suites failed to run` : ''}, ${skipped.length} skipped`,
  );
  const reasons = new Map();
  for (const t of skipped) {
    const why = /skipped: ([^)]*)/.exec([...t.ancestorTitles, t.title].join(' '))?.[1] ?? 'NO REASON GIVEN';
    const key = `${t.file}: ${why}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  for (const [why, n] of reasons) console.log(`  ${n} skipped: ${why}`);
  if (count('failed') || failedSuites) failedAny = true;
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failedAny ? 1 : 0;
