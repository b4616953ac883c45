import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { besvara } from '../src/answers/besvara.js';
import type { Kontext } from '../src/answers/svar.js';
import { tolkaFraga } from '../src/language/tolka.js';
import { svarTillAktivitet } from '../src/teams/aktivitet.js';
import { Miljofabrik } from '../src/answers/svarsmiljo.js';
import { Store } from '../src/store/store.js';
import { skapaFragor } from './fragor.js';
import { importeradLagring, skapaOrganisation } from './organisation.js';

/**
 * The steady cost of one question in process, by stage: `npx tsx bench/besvara.ts [varv] [--enheter 1000]
 * [--lagring mapp]`. Builds the benchmark's municipality, warms up on 3 000 questions, then asks fresh generated
 * questions (3 000 a round) as the benchmark's chefs, with the previous answer as context, and prints ms per question
 * for the interpretation alone, the whole answer (interpretation included), the reply activity (card binding) and its
 * JSON, and the mean per kind of question. With `--lagring` the imported and compacted store is kept in that folder and
 * opened from there the next time (a 10 000-unit import takes minutes); without it, it is built in a temporary folder.
 * For a CPU profile: `node --cpu-prof --import tsx bench/besvara.ts`.
 */
const klocka = () => new Date('2025-12-10T09:00:00Z');
const { values: flaggor, positionals } = parseArgs({
  options: { enheter: { type: 'string', default: '1000' }, lagring: { type: 'string' } },
  allowPositionals: true,
});
const varv = Number(positionals[0] ?? 5);
const enheter = Number(flaggor.enheter);
const org = skapaOrganisation({ enheter, manader: 60, atgarder: 2 * enheter, sista: '2025-11', seed: 7 });

async function lagring(): Promise<Store> {
  const mapp = flaggor.lagring ?? mkdtempSync(join(tmpdir(), 'budgetkollen-besvara-'));
  if (!flaggor.lagring) process.on('exit', () => rmSync(mapp, { recursive: true, force: true }));
  const fil = join(mapp, 'store.json');
  if (existsSync(fil)) return Store.oppna(fil, klocka);
  mkdirSync(mapp, { recursive: true });
  const t = performance.now();
  const { store } = await importeradLagring(org, mapp, klocka);
  await store.komprimera();
  process.stdout.write(`${enheter} enheter importerade på ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return store;
}

const store = await lagring();
const fabrik = new Miljofabrik(store, klocka);
const chefer = [...store.register.anvandare.values()].filter((a) => a.roll === 'chef').slice(0, 8);

for (let v = 0; v <= varv; v++) {
  const fragor = skapaFragor(org, 3000, 400 + v);
  const tid = { tolka: 0, besvara: 0, aktivitet: 0, json: 0 };
  const perTyp = new Map<string, { ms: number; n: number }>();
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
    const typ = perTyp.get(q.typ) ?? perTyp.set(q.typ, { ms: 0, n: 0 }).get(q.typ)!;
    typ.ms += n - t;
    typ.n++;
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
  const typer = [...perTyp].map(([k, x]) => `${k} ${(x.ms / x.n).toFixed(3)}`).join(', ');
  process.stdout.write(
    `${v === 0 ? 'uppvärmning' : `varv ${v}`}: ms per fråga: tolkning ${ms(tid.tolka)}, besvara ${ms(tid.besvara)} (${(fragor.length / (tid.besvara / 1000)).toFixed(0)} frågor/s), aktivitet ${ms(tid.aktivitet)}, json ${ms(tid.json)}; besvara per typ: ${typer}\n`,
  );
}
await store.stang();
