// Issue 14.5 through the real teams-ai Application: the table cards a person gets in Teams, for the demo
// municipality and for Askersund, asked in words and by the status card's "Visa åtgärder" button.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { läsImportmapp } from '../../src/store/import.js';
import { Store } from '../../src/store/store.js';
import { importera } from '../../src/usecases/import.js';
import { kortIAktiviteter, knappar } from '../support/kort.js';
import { sektion, sektioner, talceller } from '../support/tabellkort.js';
import { ALEX, type Testbot, testbot } from '../support/testbot.js';

describe('integration: tabellerna i Teams, demo (issue 14.5)', () => {
  let bot: Testbot;
  before(async () => {
    bot = await testbot();
  });

  it('"visa åtgärder" ger två planer i var sin sektion: Vård och stöds 1–10 och IFO:s 1–3, med året i beloppens kolumner', async () => {
    const kort = kortIAktiviteter(await bot.fraga('visa åtgärder', ALEX));
    assert.deepEqual(
      sektioner(kort).map((s) => [s.rubrik, s.nummer]),
      [
        ['Vård och stöd', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
        ['Individ- och familjeomsorg', [1, 2, 3]],
      ],
    );
    const vos = sektion(kort, 'Vård och stöd');
    assert.deepEqual(
      vos.celler[0].map((c) => c.text),
      ['Status', 'Plan 2025', 'Realiserat 2025'],
    );
    assert.ok(vos.rader.includes('Åtgärdsplan 2024–2026 och inför 2027'), 'the plan is named under its unit');
    const i = vos.rader.indexOf('5.\u00a0Placeringskostnader IFO');
    assert.equal(vos.rader[i + 1], 'pågår | 1\u00a0000\u00a0tkr | –');
    assert.ok(
      vos.rader.some((r) => r.startsWith('Sparbeting 12\u00a0357\u00a0tkr')),
      "the plan's own totals under it",
    );
    assert.ok(!sektion(kort, 'Individ- och familjeomsorg').rader.some((r) => r.startsWith('Sparbeting 12')));
  });

  it('"Visa åtgärder" på Äldreomsorgs statuskort: en sektion ur föräldrens plan med planens egna nummer', async () => {
    const status = kortIAktiviteter(await bot.fraga('hur ligger äldreomsorgen?', ALEX));
    const knapp = knappar(status).find((k) => k.title === 'Visa åtgärder');
    assert.ok(knapp, 'the status card offers the measures');
    const svar = await bot.kanal.tryck(knapp.data, ALEX);
    const kort = kortIAktiviteter(svar);
    const [s, ...fler] = sektioner(kort);
    assert.deepEqual(fler, []);
    assert.equal(s.rubrik, 'Vård och stöd');
    assert.deepEqual(s.nummer, [2, 4, 8, 10]);
    assert.ok(s.rader.includes('Åtgärdsplan 2024–2026 och inför 2027, 4 av 10 åtgärder'), s.rader.join('\n'));
    assert.deepEqual(
      talceller(s).filter((c) => c.justering !== 'Right'),
      [],
    );
  });
});

describe('integration: tabellerna i Teams, Askersund (issue 14.5)', () => {
  let bot: Testbot;
  const KARIN = { anvandare: '5f0c2a1e-8b3d-4c61-9a7e-2d4b6f8e1a01', namn: 'Karin Lindqvist' };
  before(async () => {
    const klocka = () => new Date('2025-02-14T12:00:00Z');
    const store = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-askersund-')), 'store.json'), klocka);
    await importera(store, läsImportmapp(join(process.cwd(), 'test', 'kommuner', 'askersund')));
    bot = await testbot({ store, klocka });
  });

  it('två planer numrerade 1–8 och 1–10 hamnar i var sin sektion; planen utan belopp får inga beloppskolumner', async () => {
    const kort = kortIAktiviteter(await bot.fraga('visa åtgärder', KARIN));
    assert.deepEqual(
      sektioner(kort).map((s) => [s.rubrik, s.nummer]),
      [
        ['Socialnämnden', [1, 2, 3, 4, 5, 6, 7, 8]],
        ['Äldreomsorg/LSS', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ],
    );
    assert.deepEqual(
      sektion(kort, 'Socialnämnden').celler[0].map((c) => c.text),
      ['Status', 'Kategori'],
    );
    assert.deepEqual(
      sektion(kort, 'Äldreomsorg/LSS').celler[0].map((c) => [c.text, c.justering]),
      [
        ['Status', 'Left'],
        ['Plan 2025', 'Right'],
        ['Realiserat 2025', 'Right'],
      ],
    );
  });

  it('rankningen inom socialnämnden: underskotten numrerade för sig, talen högerställda', async () => {
    const kort = kortIAktiviteter(await bot.fraga('rangordna verksamheterna efter avvikelse', KARIN));
    const alla = sektioner(kort);
    assert.ok(alla.some((s) => s.rubrik === 'Underskott'));
    for (const s of alla) {
      assert.deepEqual(
        s.nummer,
        s.nummer.map((_, i) => i + 1),
      );
      assert.deepEqual(
        talceller(s).filter((c) => c.justering !== 'Right'),
        [],
      );
    }
  });
});
