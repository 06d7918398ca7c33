// Fail when the committed dist/ bundles differ from a fresh build (run after `pnpm bundle`).
import { execFileSync } from 'node:child_process';

const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist', 'actions/*/dist', 'cli/dist'], {
  encoding: 'utf8',
}).trim();
if (changed) {
  console.error('dist/ is out of date with the sources. Run `pnpm bundle` and commit the result:\n' + changed);
  execFileSync('git', ['--no-pager', 'diff', '--stat', '--', 'dist', 'actions/*/dist', 'cli/dist'], { stdio: 'inherit' });
  process.exit(1);
}
console.log('dist/ matches a fresh build.');
