import { ValidationError } from '@ensure-image/core';
import { guarded } from '../src/run.js';
import { capture } from './stdout.js';

afterEach(() => {
  process.exitCode = 0;
  delete process.env.ACTIONS_STEP_DEBUG;
});

test('a failure called directly (as @github/local-action calls run()) ends the step with one message, no throw and no stack', async () => {
  const run = guarded(async () => {
    throw new ValidationError('flag', 'context key "a b" must be non-empty with no "=" or spaces');
  });
  const out = await capture(run);
  expect(out).toBe('::error::Input "flag": context key "a b" must be non-empty with no "=" or spaces\n');
  expect(process.exitCode).toBe(1);
});

test('with ACTIONS_STEP_DEBUG=true the stack is added as a debug line', async () => {
  process.env.ACTIONS_STEP_DEBUG = 'true';
  const out = await capture(
    guarded(async () => {
      throw new Error('boom');
    }),
  );
  expect(out).toMatch(/^::debug::Error: boom%0A {4}at /);
  expect(out).toMatch(/::error::boom\n$/);
});

test('under @github/local-action (its wrapper sets TARGET_ACTION_PATH) the failure is the error line alone, as its core stub does', async () => {
  process.env.TARGET_ACTION_PATH = '/some/action';
  try {
    const out = await capture(
      guarded(async () => {
        throw new ValidationError('images', 'bad');
      }),
    );
    expect(out).toBe('::error::Input "images": bad\n');
    expect(process.exitCode ?? 0).toBe(0);
  } finally {
    delete process.env.TARGET_ACTION_PATH;
  }
});
