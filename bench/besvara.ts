import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { besvara } from '../src/answers/besvara.js';
import type { Kontext } from '../src/answers/svar.js';
import { tolkaFraga } from '../src/language/tolka.js';
import { svarTillAktivitet } from '../src/teams/aktivitet.js';
import { Miljofabrik } from '../src/answers/svarsmiljo.js';
import { skapaFragor } from './fragor.js';
import { importeradLagring, skapaOrganisation } from './organisation.js';

/**
 * The steady cost of one question in process, by stage: `npx tsx bench/besvara.ts [varv]`. Builds the
 * benchmark's municipality, warms up on 3 000 questions, then asks fresh generated questions (3 000 a round)
 * as the benchmark's chefs, with the previous answer as context, and prints ms per question for the
 * interpretation alone, the whole answer (interpretation included), the reply activity (card binding) and its
 * JSON. For a CPU profile: `node --cpu-prof --import tsx bench/besvara.ts`.
 */
const klocka = () => new Date('2025-12-10T09:00:00Z');
const varv = Number(process.argv[2] ?? 5);
const tmp = mkdtempSync(join(tmpdir(), 'budgetkollen-besvara-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const org = skapaOrganisation({ enheter: 1000, manader: 60, atgarder: 2000, sista: '2025-11', seed: 7 });
const { store } = await importeradLagring(org, tmp, klocka);
const fabrik = new Miljofabrik(store, klocka);
const chefer = [...store.register.anvandare.values()].filter((a) => a.roll === 'chef').slice(0, 8);

for (let v = 0; v <= varv; v++) {
  const fragor = skapaFragor(org, 3000, 400 + v);
  const tid = { tolka: 0, besvara: 0, aktivitet: 0, json: 0 };
  let kontext: Kontext | undefined;
  for (const [i, q] of fragor.entries()) {
    const miljo = fabrik.skapa(chefer[i % chefer.length], kontext);
    let t = performance.now();
    tolkaFraga(q.text, miljo.index, miljo.nu);
    let n = performance.now();
    tid.tolka += n - t;
    t = n;
    const r = besvara(q.text, miljo);
    n = performance.now();
    tid.besvara += n - t;
    t = n;
    if (r.typ !== 'svar') continue;
    if (r.svar.kontext) kontext = r.svar.kontext;
    const aktivitet = svarTillAktivitet(r.svar);
    n = performance.now();
    tid.aktivitet += n - t;
    t = n;
    JSON.stringify(aktivitet);
    tid.json += performance.now() - t;
  }
  const ms = (x: number) => (x / fragor.length).toFixed(4);
  process.stdout.write(
    `${v === 0 ? 'uppvärmning' : `varv ${v}`}: ms per fråga: tolkning ${ms(tid.tolka)}, besvara ${ms(tid.besvara)}, aktivitet ${ms(tid.aktivitet)}, json ${ms(tid.json)}\n`,
  );
}
