// Loaded with `node --import` into a child process: appends the URL of every module Node loads
// to the file named by LOADED_MODULES_FILE, one per line, so a test can say what a command
// loaded (module.registerHooks, nodejs.org/api/module.html#customization-hooks).
import { appendFileSync } from 'node:fs';
import module from 'node:module';

const file = process.env.LOADED_MODULES_FILE;
if (file !== undefined) {
  module.registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(file, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}
