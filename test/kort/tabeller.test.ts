// Issue 14.5: tables that read on a phone. The bound cards of the measures, the ranking, the breakdown and the
// reporting round, for the demo municipality and for Askersund (two plans numbered 1–8 and 1–10). Expected
// measures come from each municipality's atgarder.csv, never from an answer.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { besvara } from '../../src/answers/besvara.js';
import type { Svarsmiljo } from '../../src/answers/svar.js';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';
import { bindKort } from '../../src/cards/binda.js';
import { läsImportmapp } from '../../src/store/import.js';
import { Store } from '../../src/store/store.js';
import { importera } from '../../src/usecases/import.js';
import { kontrolleraKort } from '../support/kort.js';
import { kortrader, langaOrdICeller, sektion, sektioner, talceller } from '../support/tabellkort.js';

interface Kommun {
  namn: string;
  mapp: string;
  nu: string;
  /** the year the measures' amounts are shown for: the clock's */
  ar: string;
}

const KOMMUNER: Kommun[] = [
  { namn: 'demo', mapp: join('data', 'demo'), nu: '2025-12-10', ar: '2025' },
  { namn: 'Askersund', mapp: join('test', 'kommuner', 'askersund'), nu: '2025-02-14', ar: '2025' },
];

function csv(fil: string): Array<Record<string, string>> {
  const [rubrik, ...rader] = readFileSync(fil, 'utf-8').trim().split('\n');
  const kolumner = rubrik.split(';');
  return rader.map((r) => Object.fromEntries(r.split(';').map((v, i) => [kolumner[i], v])));
}

const tkr = (v: string) => `${Number(v.replace(',', '.')).toLocaleString('sv-SE').replace(/\s/g, '\u00a0')}\u00a0tkr`;

async function miljo(k: Kommun): Promise<Svarsmiljo> {
  const klocka = () => new Date(`${k.nu}T12:00:00Z`);
  const store = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-tabeller-')), 'store.json'), klocka);
  await importera(store, läsImportmapp(join(process.cwd(), k.mapp)));
  return new Miljofabrik(store, klocka).skapa(undefined, undefined);
}

function kort(fraga: string, m: Svarsmiljo): unknown {
  const r = besvara(fraga, m);
  assert.equal(r.typ, 'svar', fraga);
  if (r.typ !== 'svar') return null;
  assert.ok(r.svar.kort, `${fraga}: inget kort`);
  return kontrolleraKort(bindKort(r.svar.kort));
}

for (const k of KOMMUNER) {
  describe(`kort: tabeller som går att läsa på en telefon, ${k.namn} (issue 14.5)`, () => {
    let m: Svarsmiljo;
    const atgarder = csv(join(k.mapp, 'atgarder.csv'));
    const enheter = new Map(csv(join(k.mapp, 'enheter.csv')).map((e) => [e.id, e.namn]));
    const planer = [...new Set(atgarder.map((a) => a.enhet))];
    before(async () => {
      m = await miljo(k);
    });

    it('åtgärderna: en sektion per plan med planens namn som rubrik och dess egen numrering', () => {
      const kortet = kort('visa åtgärder', m);
      assert.deepEqual(
        sektioner(kortet).map((s) => s.rubrik),
        planer.map((p) => enheter.get(p)),
      );
      for (const p of planer) {
        const s = sektion(kortet, enheter.get(p)!);
        assert.deepEqual(
          s.nummer,
          atgarder.filter((a) => a.enhet === p).map((a) => Number(a.nr)),
          `${p}: planens egna nummer, i ordning`,
        );
        for (const a of atgarder.filter((x) => x.enhet === p))
          assert.ok(s.rader.includes(`${a.nr}.\u00a0${a.atgard}`), `${a.atgard} i ${enheter.get(p)}: egen rad över siffrorna`);
      }
    });

    it('åtgärderna: året i kolumnnamnet, beloppen högerställda, och planens siffror under sin egen rubrik', () => {
      const kortet = kort('visa åtgärder', m);
      const medBelopp = planer.filter((p) =>
        atgarder.some((a) => a.enhet === p && Object.keys(a).some((f) => /^(plan|utfall)_/.test(f) && a[f])),
      );
      assert.ok(medBelopp.length, 'någon plan har belopp');
      for (const p of medBelopp) {
        const s = sektion(kortet, enheter.get(p)!);
        const [rubriker] = s.celler;
        assert.deepEqual(
          rubriker.map((c) => [c.text, c.justering]),
          [
            ['Status', 'Left'],
            [`Plan ${k.ar}`, 'Right'],
            [`Realiserat ${k.ar}`, 'Right'],
          ],
        );
        const tal = talceller(s);
        assert.equal(tal.length, 2 * atgarder.filter((a) => a.enhet === p).length, `${p}: två belopp per åtgärd`);
        assert.deepEqual(
          tal.filter((c) => c.justering !== 'Right'),
          [],
        );
        for (const a of atgarder.filter((x) => x.enhet === p && x[`plan_${k.ar}`])) {
          const rad = s.rader.indexOf(`${a.nr}.\u00a0${a.atgard}`);
          assert.match(
            s.rader[rad + 1],
            new RegExp(`^${a.status} \\| ${tkr(a[`plan_${k.ar}`])} \\| `),
            `${a.atgard}: status och plan ${k.ar}`,
          );
        }
      }
      for (const p of planer.filter((x) => !medBelopp.includes(x))) {
        const s = sektion(kortet, enheter.get(p)!);
        assert.deepEqual(
          s.celler[0].map((c) => c.text),
          ['Status', 'Kategori'],
          `${p}: utan belopp, inga kolumner med bara "–"`,
        );
      }
    });

    it('ingen kolumn sida vid sida med andra håller ett långt ord: namnen står på egen rad', () => {
      for (const fraga of ['visa åtgärder', 'rangordna alla verksamheter', 'vilka verksamheter går sämst'])
        assert.deepEqual(langaOrdICeller(kort(fraga, m)), [], fraga);
    });

    it('rankningen: underskott och överskott var för sig, egen numrering, namnen på egen rad och talen högerställda', () => {
      const kortet = kort('rangordna alla verksamheter', m);
      const alla = sektioner(kortet);
      assert.ok(alla.length >= 1);
      for (const s of alla) {
        assert.ok(['Underskott', 'Överskott', 'I nivå med budget'].includes(s.rubrik), s.rubrik);
        assert.deepEqual(
          s.nummer,
          s.nummer.map((_, i) => i + 1),
          `${s.rubrik}: 1, 2, 3 …`,
        );
        assert.deepEqual(
          s.celler[0].map((c) => [c.text, c.justering]),
          [
            ['Avvikelse', 'Right'],
            ['Procent av budget', 'Right'],
          ],
        );
        const tal = talceller(s);
        assert.equal(tal.length, 2 * s.nummer.length);
        assert.deepEqual(
          tal.filter((c) => c.justering !== 'Right'),
          [],
        );
        const tecken = s.rubrik === 'Underskott' ? /^−/ : s.rubrik === 'Överskott' ? /^\+/ : /^[0−+]/;
        for (let i = 0; i < s.nummer.length; i++) assert.match(tal[2 * i].text, tecken, `${s.rubrik}: ${tal[2 * i].text}`);
      }
    });
  });
}

describe('kort: Bryt ned och rapporteringsläget på en telefon, demo (issue 14.5)', () => {
  let m: Svarsmiljo;
  before(async () => {
    m = await miljo(KOMMUNER[0]);
  });

  it('Bryt ned: enheten på egen rad, avvikelse och andel högerställda under sina rubriker', () => {
    const rader = kortrader(kort('var kommer avvikelsen ifrån i socialnämnden', m));
    const cellrader = rader.filter((r) => 'celler' in r).map((r) => ('celler' in r ? r.celler : []));
    assert.deepEqual(
      cellrader[0].map((c) => [c.text, c.justering]),
      [
        ['Avvikelse', 'Right'],
        ['Andel av underskotten', 'Right'],
      ],
    );
    const namn = rader.map((r) => ('text' in r ? r.text : ''));
    for (const enhet of ['Individ- och familjeomsorg', 'Vård och stöd']) assert.ok(namn.includes(enhet), enhet);
    assert.ok(cellrader.slice(1).every((r) => r.length === 2 && r.every((c) => c.justering === 'Right')));
  });

  it('rapporteringsläget: enhetens namn på egen rad, läge och ansvarig under', () => {
    const kortet = kort('vem har rapporterat för november i socialnämnden', m);
    assert.deepEqual(langaOrdICeller(kortet), []);
    const rader = kortrader(kortet).map((r) => ('celler' in r ? r.celler.map((c) => c.text).join(' | ') : r.text));
    const i = rader.indexOf('Flyktingmottagande');
    assert.ok(i > 0, rader.join('\n'));
    assert.match(rader[i + 1], /^Rapporterad \d+ \w+ \d{4} \| /);
  });
});
