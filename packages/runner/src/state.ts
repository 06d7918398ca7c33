import * as runner from './runner.js';

/** The one place that reads and writes step state (GITHUB_STATE / STATE_*). */
const IS_POST = 'isPost';

export function saveState(name: string, value: unknown): void {
  runner.saveState(name, JSON.stringify(value));
}

export function getState<T>(name: string): T | undefined {
  const raw = runner.getState(name);
  return raw === '' ? undefined : (JSON.parse(raw) as T);
}

/** The runner gives the post step the state the main step saved; the main step sees none. */
export function isPost(): boolean {
  return runner.getState(IS_POST) === 'true';
}

export function markMainRan(): void {
  runner.saveState(IS_POST, 'true');
}
