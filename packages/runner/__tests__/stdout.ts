// What a function writes to stdout (the runner's workflow commands), captured while it runs.
export function capture(fn: () => Promise<void>): Promise<string>;
export function capture(fn: () => void): string;
export function capture(fn: () => void | Promise<void>): string | Promise<string> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = (s: string) => {
    out += s;
    return true;
  };
  const restore = (): string => {
    process.stdout.write = write;
    return out;
  };
  let result: void | Promise<void>;
  try {
    result = fn();
  } catch (e) {
    restore();
    throw e;
  }
  if (!(result instanceof Promise)) return restore();
  return result.then(restore, (e: unknown) => {
    restore();
    throw e;
  });
}
