import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawInput, saveState, setFailed, setOutput, setSecret, warning } from '../src/runner.js';
import { capture } from './stdout.js';

test('inputs: INPUT_<NAME>, upper-cased, spaces to _, hyphens kept', () => {
  expect(rawInput('skip-if-exists', { 'INPUT_SKIP-IF-EXISTS': 'true' })).toBe('true');
  expect(rawInput('my input', { INPUT_MY_INPUT: 'x' })).toBe('x');
  expect(rawInput('absent', {})).toBe('');
});

test('outputs and state are heredocs with a fresh delimiter, multi-line values intact', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'));
  process.env.GITHUB_OUTPUT = join(dir, 'out');
  process.env.GITHUB_STATE = join(dir, 'state');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  writeFileSync(process.env.GITHUB_STATE, '');
  setOutput('tags', 'a\nb');
  setOutput('tags2', '');
  saveState('s', '["x"]');
  const out = readFileSync(process.env.GITHUB_OUTPUT, 'utf8').split('\n');
  expect(out[0]).toMatch(/^tags<<ghadelimiter_[0-9a-f-]{36}$/);
  const delim = out[0]?.split('<<')[1];
  expect(out.slice(1, 4)).toEqual(['a', 'b', delim]);
  expect(out[4]).not.toContain(delim as string);
  expect(readFileSync(process.env.GITHUB_STATE, 'utf8')).toMatch(/^s<<(ghadelimiter_\S+)\n\["x"\]\n\1\n$/);
  delete process.env.GITHUB_OUTPUT;
  delete process.env.GITHUB_STATE;
});

test('commands escape %, CR and LF; a multi-line secret is masked whole and line by line', () => {
  expect(capture(() => warning('50% done\r\nnext'))).toBe('::warning::50%25 done%0D%0Anext\n');
  expect(capture(() => setSecret('line1\nline2'))).toBe('::add-mask::line1%0Aline2\n::add-mask::line1\n::add-mask::line2\n');
  expect(capture(() => setSecret(''))).toBe('');
  const before = process.exitCode;
  expect(capture(() => setFailed('Input "x": bad'))).toBe('::error::Input "x": bad\n');
  expect(process.exitCode).toBe(1);
  process.exitCode = before;
});
