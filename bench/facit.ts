import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { besvara } from '../src/answers/besvara.js';
import type { Kontext } from '../src/answers/svar.js';
import { bindKort } from '../src/cards/binda.js';
import { läsImportmapp } from '../src/store/import.js';
import { importera } from '../src/usecases/import.js';
import { Store } from '../src/store/store.js';
import { Miljofabrik } from '../src/answers/svarsmiljo.js';
import { skapaFragor } from './fragor.js';
import { importeradLagring, skapaOrganisation } from './organisation.js';

/**
 * Writes every answer (interpretation, text, card view and bound card) to a fixed set of questions, one JSON
 * line each, so that a change meant only to be faster can be shown to change no answer:
 * `npx tsx bench/facit.ts > före.jsonl`, change, `npx tsx bench/facit.ts > efter.jsonl`, `cmp före.jsonl efter.jsonl`.
 * The questions: the question suite's and the card tests' on the demo municipality (frozen in bench/facitfragor.json, so that
 * editing a test does not change the facit), and questions generated for the benchmark's municipality, asked by every role,
 * with and without the previous answer as context.
 */
const klocka = () => new Date('2025-12-10T12:00:00Z');
const tmp = mkdtempSync(join(tmpdir(), 'budgetkollen-facit-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const skriv = (rad: unknown) => process.stdout.write(`${JSON.stringify(rad)}\n`);

async function kör(namn: string, store: Store, fragor: string[]): Promise<void> {
  const fabrik = new Miljofabrik(store, klocka);
  const anvandare = [undefined, ...store.register.anvandare.values()];
  let kontext: Kontext | undefined;
  for (const [i, text] of fragor.entries()) {
    const anv = anvandare[i % anvandare.length];
    const medKontext = i % 3 === 2;
    const r = besvara(text, fabrik.skapa(anv, medKontext ? kontext : undefined));
    // The interpretation as it was when the facit was first written; fields added since (issue 15) only feed the answers, which are compared whole.
    const {
      enheter,
      tvetydiga,
      forslag,
      tid,
      fortsattning: _f,
      overBudget: _o,
      nivaer: _n,
      storst: _s,
      rapportmanad: _r,
      ...resten
    } = r.fraga;
    const fraga = {
      ...resten,
      enheter: enheter.map((e) => e.id),
      tvetydiga: tvetydiga.map((g) => g.map((e) => e.id)),
      forslag: forslag.map((e) => e.id),
      tid: { ...tid, anvanda: [...tid.anvanda] },
    };
    if (r.typ !== 'svar') {
      skriv({ namn, i, text, anv: anv?.id ?? null, medKontext, typ: r.typ, fraga });
      continue;
    }
    skriv({ namn, i, text, anv: anv?.id ?? null, medKontext, fraga, svar: r.svar, kort: r.svar.kort ? bindKort(r.svar.kort) : null });
    if (r.svar.kontext) kontext = r.svar.kontext;
  }
}

/** The questions of the question suite, the card tests and two integration suites, as they stood when the facit was frozen. */
const sviten = JSON.parse(readFileSync(new URL('./facitfragor.json', import.meta.url), 'utf-8')) as string[];

const demo = await Store.oppna(join(tmp, 'demo.json'), klocka);
await importera(demo, läsImportmapp('data/demo'));
await kör('demo', demo, [...sviten, ...sviten.map((f) => f.toUpperCase()), ...sviten.map((f) => `${f} i oktober`)]);

const norrby = await Store.oppna(join(tmp, 'norrby.json'), klocka);
await importera(norrby, läsImportmapp('test/fixtures/norrby'));
await kör('norrby', norrby, sviten);

const org = skapaOrganisation({ enheter: 1000, manader: 60, atgarder: 2000, sista: '2025-11', seed: 7 });
const { store: stor } = await importeradLagring(org, join(tmp, 'stor'), klocka);
await kör(
  'stor',
  stor,
  [1, 2, 3, 4].flatMap((s) => skapaFragor(org, 3000, 1000 + s).map((q) => q.text)),
);
