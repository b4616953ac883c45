// Loaded by mocha before any test file (.mocharc.json): a failing randomised test says which seed it ran with.
import { relative } from 'node:path';
import { froFor } from './fro.js';

export const mochaHooks = {
  afterEach(this: Mocha.Context) {
    const test = this.currentTest;
    const fro = froFor(test?.file);
    if (test?.state === 'failed' && fro !== undefined) {
      process.stdout.write(`      (slumpfrö ${fro}: FUZZ_SEED=${fro} npx mocha ${relative(process.cwd(), test.file!)} upprepar fallen)\n`);
    }
  },
};
