// Child process for lasning.test.ts: one of many processes that try to take the same store lock at the same moment.
// Each line on stdin is an order: "ta <file>" tries to lock the store <file> and answers "HAR" or "NEJ <reason>";
// "släpp" lets go of a lock it holds and answers "SLÄPPT". It says "REDO" once loaded, and ends with stdin.
//   node --import tsx test/hardening/processer/laskandidat.ts
import { createInterface } from 'node:readline';
import { låsLagringen } from '../../../src/store/skrivlas.js';

let släpp: (() => void) | undefined;
const svara = (text: string) => process.stdout.write(`${text}\n`);

createInterface({ input: process.stdin }).on('line', (rad) => {
  if (rad.startsWith('ta ')) {
    try {
      släpp = låsLagringen(rad.slice(3), `kandidat ${process.pid}`);
      svara('HAR');
    } catch (e) {
      svara(`NEJ ${(e as Error).message.replace(/\n/g, ' ')}`);
    }
  } else if (rad === 'släpp') {
    släpp?.();
    släpp = undefined;
    svara('SLÄPPT');
  }
});
svara('REDO');
