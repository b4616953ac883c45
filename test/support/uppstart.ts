// Loaded by mocha before any test file (.mocharc.json): a failing randomised test says which seed it ran with,
// no child process outlives the run, and a run that cannot end by itself says why and ends anyway.
import { relative } from 'node:path';
import { dodaKvarvarande } from './barn.js';
import { froFor } from './fro.js';

/** How long after the last test the process may stay alive before the guard below ends it. */
const EFTER_SISTA_MS = 15_000;

export const mochaHooks = {
  afterEach(this: Mocha.Context) {
    const test = this.currentTest;
    const fro = froFor(test?.file);
    if (test?.state === 'failed' && fro !== undefined) {
      process.stdout.write(`      (slumpfrö ${fro}: FUZZ_SEED=${fro} npx mocha ${relative(process.cwd(), test.file!)} upprepar fallen)\n`);
    }
  },
  async afterAll() {
    // Each test file kills its own children after each test; this catches a file that did not.
    const kvar = await dodaKvarvarande();
    if (kvar.length)
      process.stdout.write(`\n  Barnprocesser som levde kvar efter sviten (dödade nu):\n${kvar.map((k) => `    ${k}\n`).join('')}`);
    // The last guard, in place of mocha's --exit: every test closes what it opens (servers, pools, children,
    // timers), so the process ends by itself. If something still holds it, name what, and end with mocha's own
    // exit code (the number of failed tests) instead of hanging.
    setTimeout(() => {
      process.stdout.write(
        `\n  Processen höll sig vid liv ${EFTER_SISTA_MS / 1000} s efter sista testet; öppet: ${process.getActiveResourcesInfo().join(', ')}. Avslutar.\n`,
      );
      process.exit();
    }, EFTER_SISTA_MS).unref();
  },
};
