// A variable of this process's environment set for one test and put back after it: how a test
// puts a token where a careless child process would inherit it.

/** Sets `name` to `value` until the test ends, then restores what was there (or nothing). */
export function setForTest(
  t: { after: (fn: () => unknown) => void },
  name: string,
  value: string,
): void {
  const previous = process.env[name];
  process.env[name] = value;
  t.after(() => {
    if (previous === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = previous;
  });
}
