import assert from 'node:assert/strict';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';
import type { Enhetsindex } from '../../src/language/enheter.js';
import { enheterIKommando, gallerAlla, procentIKommando } from '../../src/language/larmkommando.js';
import { tolkaFraga } from '../../src/language/tolka.js';
import { DEMO_NU, demoStore } from '../support/demo.js';

/** What language/ reads for the rest of the bot, so that no other folder reads the question's words. */
describe('tolkning: det som resten av boten läser ur frågan', () => {
  let index: Enhetsindex;
  before(async () => {
    const store = await demoStore();
    index = new Miljofabrik(store, () => new Date(DEMO_NU)).skapa(undefined, undefined).index;
  });
  const fraga = (text: string, nu = '2025-12') => tolkaFraga(text, index, nu);

  it('följdfrågor: "och i september?", "samma för IFO", "what about"', () => {
    for (const text of ['och i september?', 'samma för IFO', 'what about hemtjänsten', 'hur blir det med ifo'])
      assert.equal(fraga(text).fortsattning, true, text);
    for (const text of ['hur ligger IFO?', 'ifo och hemtjänsten']) assert.equal(fraga(text).fortsattning, false, text);
  });

  it('över eller under budget: ja/nej-frågans riktning', () => {
    assert.equal(fraga('ligger hemtjänsten över budget?').overBudget, true);
    assert.equal(fraga('ligger hemtjänsten under budget?').overBudget, false);
    assert.equal(fraga('hur ligger hemtjänsten?').overBudget, null);
  });

  it('nivåerna att rangordna, och "störst"', () => {
    assert.deepEqual(fraga('vilka nämnder har störst underskott').nivaer, ['nämnd']);
    assert.deepEqual(fraga('rangordna verksamhetsområdena').nivaer, ['verksamhetsområde', 'verksamhet']);
    assert.equal(fraga('vilka har störst avvikelse').storst, true);
    assert.equal(fraga('vilka går plus').storst, false);
  });

  it('månaden en rapport gäller: den som nämns, eller kalendermånaden före för "förra månadens"', () => {
    assert.equal(fraga('rapportera novembersiffrorna för IFO').rapportmanad, '2025-11');
    assert.equal(fraga('rapportera förra månadens siffror', '2026-01').rapportmanad, '2025-12');
    assert.equal(fraga('rapportera för IFO').rapportmanad, null);
  });

  it('larmkommandon: enheten efter "på larm" (pa är inte personlig assistans), "alla", en egen procentgräns', () => {
    assert.deepEqual(
      enheterIKommando('prenumerera på larm för IFO', index).enheter.map((e) => e.id),
      ['ifo'],
    );
    assert.equal(enheterIKommando('prenumerera på larm för simhallen', index).okant, 'simhallen');
    assert.equal(gallerAlla('avsluta alla larm'), true);
    assert.equal(gallerAlla('avsluta larm för IFO'), false);
    const p = procentIKommando('meddela mig om IFO går över 105,5 %');
    assert.equal(p?.skrivet, '105,5 %');
    assert.deepEqual(p?.tal, { ok: true, varde: 105.5, enhet: 'procent' });
    assert.equal(procentIKommando('prenumerera på larm för IFO'), null);
  });
});

// Every handler (questions, cards, files, installation, the round) has its own Miljofabrik; at 10 000 units each
// index of the names costs 0.2 s and tens of MB, so they share one, renewed when a unit changes.
describe('namnindexet över enheterna', () => {
  it('är ett och samma för alla som svarar, och byggs om när en enhet läggs till', async () => {
    const store = await demoStore();
    const klocka = () => new Date(DEMO_NU);
    const forst = new Miljofabrik(store, klocka).skapa(undefined, undefined).index;
    assert.equal(new Miljofabrik(store, klocka).skapa(undefined, undefined).index, forst);
    assert.equal(tolkaFraga('hur ligger simhallen?', forst, '2025-12').okantNamn, 'simhallen');

    await store.ändra({ vem: 'test', kalla: 'import' }, (tx) =>
      tx.sätt('enheter', { id: 'simhall', namn: 'Simhallen', typ: 'enhet', foralder: 'kommun', alias: [] }),
    );
    const nytt = new Miljofabrik(store, klocka).skapa(undefined, undefined).index;
    assert.notEqual(nytt, forst);
    assert.deepEqual(
      tolkaFraga('hur ligger simhallen?', nytt, '2025-12').enheter.map((e) => e.id),
      ['simhall'],
    );
  });
});
