// Runs the whole question suite through the real bot and prints pass rates per intent and municipality,
// then every failing question with what was wrong and the reply it got.
// npx tsx test/kommuner/kor.ts [--kommun Askersund] [--kort]
import { KOMMUNER, type Resultat, korKommun, tabell } from './svit.js';

const arg = process.argv.slice(2);
const vald = arg.includes('--kommun') ? arg[arg.indexOf('--kommun') + 1]?.toLowerCase() : undefined;
const kort = arg.includes('--kort');

const resultat: Resultat[] = [];
for (const k of KOMMUNER.filter((k) => !vald || k.namn.toLowerCase().startsWith(vald))) resultat.push(...(await korKommun(k)));

const fel = resultat.filter((r) => r.fel.length);
if (!kort) {
  for (const r of fel) {
    console.log(
      `\n✗ [${r.kommun} / ${r.fraga.avsikt}] "${r.fraga.fraga}"${r.fraga.foljer ? ` (efter: ${r.fraga.foljer.join(' → ')})` : ''}`,
    );
    for (const f of r.fel) console.log(`    ${f}`);
    console.log(
      r.svar
        .split('\n')
        .slice(0, 25)
        .map((l) => `    │ ${l}`)
        .join('\n'),
    );
  }
}
console.log(`\n${tabell(resultat)}\n`);
console.log(`${resultat.length - fel.length} passed, ${fel.length} failed`);
