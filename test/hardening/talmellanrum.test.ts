// Issue 12.11: number parsing removed whitespace anywhere, so "1 2" was saved as 12 tkr and "5⏎6" as 56. A space
// (space, no-break space, thin space, narrow no-break space) is accepted only between groups of three digits.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { tolkaTal } from '../../src/domain/tal.js';
import { Importfel, läsImportmapp } from '../../src/store/import.js';
import type { Store } from '../../src/store/store.js';
import type { LokalKanal } from '../../src/teams/lokalt.js';
import { importera } from '../../src/usecases/import.js';
import { CONTROLLER_SN, testbot } from '../support/testbot.js';
import { DEMO, demoStore } from '../support/demo.js';
import { kortetsMarkdown } from './stod.js';

const FEL = ['1 2', '5\n6', '5\r\n6', '1\t000', '12 34', '1 0000', '1  000', '10 00,5', '1 000 00', '17 795, 6', '5 6 %'];
const RATT: Array<[string, number]> = [
  ['17 795,6', 17795.6],
  ['1 000', 1000],
  ['1\u00a0000', 1000],
  ['1\u2009000', 1000],
  ['1\u202f000', 1000],
  ['- 1 651,4', -1651.4],
  ['12 500 000 kr', 12500],
  ['259458', 259458],
];

function form(store: Store, enhet: string, period: string, utfall_ack: string): Record<string, unknown> {
  return {
    kortId: randomUUID(),
    grundversion: store.register.senasteVersion(enhet, period)?.version ?? 0,
    grundenhet: enhet,
    grundperiod: period,
    enhet,
    period,
    budget_ack: '21 974',
    utfall_ack,
    budget_helar: '24 000',
    prognos_helar: '24 500',
    kommentar: '',
  };
}

describe('mellanslag i tal skiljer bara tusental (issue 12.11)', function () {
  this.timeout(60000);
  let store: Store;
  let kanal: LokalKanal;

  before(async () => {
    store = await demoStore();
    kanal = (await testbot({ store })).kanal;
  });

  for (const text of FEL) {
    it(`${JSON.stringify(text)} vägras med ett svenskt besked, inte läst som ${text.replace(/\s/g, '')}`, () => {
      const t = tolkaTal(text);
      assert.equal(t.ok, false, `lästes som ${t.ok && t.varde}`);
      if (!t.ok) assert.match(t.fel, /är inte ett tal \(mellanslag får bara skilja tusental, som i 17 795,6\)/);
    });
  }

  for (const [text, varde] of RATT) {
    it(`${JSON.stringify(text)} läses som ${varde}`, () => {
      const t = tolkaTal(text);
      assert.ok(t.ok, !t.ok ? t.fel : '');
      assert.equal(t.varde, varde);
    });
  }

  it('kortet: utfall "1 2" och "5⏎6" sparas inte; formuläret säger varför; "17 795,6" sparas som 17795,6', async () => {
    for (const text of ['1 2', '5\n6']) {
      const fore = store.register.senasteVersion('vuxen', '2025-12')?.version ?? 0;
      const r = await kanal.invoke('spara_utfall', form(store, 'vuxen', '2025-12', text), { anvandare: CONTROLLER_SN });
      const visat = kortetsMarkdown(r.body?.value).join('\n');
      assert.match(visat, /mellanslag får bara skilja tusental/, visat.slice(0, 400));
      assert.equal(store.register.senasteVersion('vuxen', '2025-12')?.version ?? 0, fore, `${JSON.stringify(text)} sparades`);
    }
    await kanal.invoke('spara_utfall', form(store, 'vuxen', '2025-12', '17 795,6'), { anvandare: CONTROLLER_SN });
    assert.equal(store.register.senasteVersion('vuxen', '2025-12')?.utfall_ack, 17795.6);
  });

  it('importen: utfall_ack "1 2" ger fil:rad: orsak och inget sparas', async () => {
    const filer = läsImportmapp(DEMO);
    const rader = filer['utfall.csv']!.toString('utf-8').trimEnd().split('\n');
    rader.push('hemtjanst;2025-12;5191;1 2;63500;63500;;syntetisk');
    filer['utfall.csv'] = Buffer.from(`${rader.join('\n')}\n`);
    const fore = JSON.stringify(store.dokument.utfall);
    await assert.rejects(importera(store, filer), (e: unknown) => {
      assert.ok(e instanceof Importfel);
      assert.ok(
        e.fel.some(
          (f) =>
            f === `utfall.csv:${rader.length}: utfall_ack: "1 2" är inte ett tal (mellanslag får bara skilja tusental, som i 17 795,6)`,
        ),
        e.fel.join('\n'),
      );
      return true;
    });
    assert.equal(JSON.stringify(store.dokument.utfall), fore);
  });
});
