import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDocker } from '@ensure-image/adapters/fakes';
import { logoutSaved, trackLogins } from '../src/logins.js';

afterEach(() => {
  delete process.env.GITHUB_STATE;
  delete process.env.STATE_registries;
});

test('each login is saved at once for the post step; skip-logout saves none', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'state-')), 'state');
  writeFileSync(file, '');
  process.env.GITHUB_STATE = file;
  const track = trackLogins();
  track('a.example');
  track('b.example');
  expect(readFileSync(file, 'utf8')).toMatch(/registries<<.*\n\["a.example","b.example"\]\n/);
  writeFileSync(file, '');
  trackLogins(false)('c.example');
  expect(readFileSync(file, 'utf8')).toBe('');
});

test('the post step logs out of the saved hosts, and does nothing when none were saved', async () => {
  const docker = new FakeDocker();
  const seen: string[][] = [];
  const logout = async (hosts: readonly string[]) => void seen.push([...hosts]);
  await logoutSaved(logout, docker);
  expect(seen).toEqual([]);
  process.env.STATE_registries = JSON.stringify(['a.example', 'b.example']);
  await logoutSaved(logout, docker);
  expect(seen).toEqual([['a.example', 'b.example']]);
});
