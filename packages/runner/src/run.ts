import { debug, setFailed } from './runner.js';
import { isPost, markMainRan } from './state.js';

export type ActionMain = () => Promise<void>;

/** Step debug logging is on (a re-run with debug logging, or ACTIONS_STEP_DEBUG=true). */
function stepDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ACTIONS_STEP_DEBUG === 'true' || env.RUNNER_DEBUG === '1';
}

/**
 * Under `@github/local-action`, whose wrapper sets TARGET_ACTION_PATH for the run and prints
 * a stack trace of its own when the run exits non-zero. Its @actions/core stub records a
 * failure without an exit code, so here too the failure is the error line alone.
 */
function underLocalAction(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.TARGET_ACTION_PATH ?? '') !== '' && env.GITHUB_ACTIONS !== 'true';
}

/** One clear failed-step message; the stack only as a debug line, and only with step debug on. */
export function fail(e: unknown): void {
  if (e instanceof Error && e.stack && stepDebug()) debug(e.stack);
  setFailed(e instanceof Error ? e.message : String(e), !underLocalAction());
}

/**
 * `main` made safe to call directly: every error ends as a failed step, never as a throw.
 * `@github/local-action` calls main.ts's `run()` itself, so it sees no stack trace either.
 */
export function guarded(main: ActionMain): ActionMain {
  return async () => {
    try {
      await main();
    } catch (e) {
      fail(e);
    }
  };
}

/**
 * The one entry point of every action: runs `main`, or `post` when the runner calls the
 * action again after the job, and turns any error into one clear failed-step message.
 */
export async function runAction(main: ActionMain, post?: ActionMain): Promise<void> {
  const inPost = post !== undefined && isPost();
  if (!inPost && post !== undefined) markMainRan();
  await guarded(inPost ? post : main)();
}
