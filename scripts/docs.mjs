// Write each action's inputs and outputs into README.md from its action.yml, between
// <!-- action-docs:<dir> --> and <!-- /action-docs --> markers. `--check` fails when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const readme = `${root}README.md`;
const cell = (s) => String(s ?? '').replace(/\n/g, ' ').replace(/\|/g, '\\|').trim();

function tables(dir) {
  const meta = parse(readFileSync(`${root}${dir}/action.yml`, 'utf8'));
  const inputs = Object.entries(meta.inputs ?? {}).map(
    ([k, v]) => `| \`${k}\` | ${v.required ? 'yes' : ''} | ${v.default === undefined || v.default === '' ? '' : `\`${v.default}\``} | ${cell(v.description)} |`,
  );
  const outputs = Object.entries(meta.outputs ?? {}).map(([k, v]) => `| \`${k}\` | ${cell(v.description)} |`);
  return [
    '| input | required | default | description |',
    '|---|---|---|---|',
    ...inputs,
    '',
    '| output | description |',
    '|---|---|',
    ...outputs,
  ].join('\n');
}

const text = readFileSync(readme, 'utf8');
const next = text.replace(/<!-- action-docs:(\S+) -->[\s\S]*?<!-- \/action-docs -->/g, (_m, dir) => `<!-- action-docs:${dir} -->\n${tables(dir)}\n<!-- /action-docs -->`);
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('README.md action tables are stale: run `pnpm readme` and commit.');
    process.exit(1);
  }
  console.log('README.md action tables match the action.yml files.');
} else {
  writeFileSync(readme, next);
}
