import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import sinon from 'sinon';
import { type Inlamnare, type Larmplanerare, sparaAtgard } from '../../src/usecases/inlamning.js';
import { sparaUtfall } from '../support/inlamning.js';
import { Store } from '../../src/store/store.js';
import { DEMO_NU, demoStore } from '../support/demo.js';
import { ALEX, MEGAN } from '../support/testbot.js';

const KORT = '6f1c1d52-0b7e-4c52-9a39-3c1e0d6c2a10';

describe('rapportering: sparaUtfall och sparaAtgard mot lagringen', () => {
  let store: Store;
  let alex: Inlamnare;
  beforeEach(async () => {
    store = await demoStore();
    alex = { id: ALEX.anvandare, anvandare: store.register.anvandare.get(ALEX.anvandare) };
  });

  const bou = (andrat: Record<string, unknown> = {}) => ({
    enhet: 'bou',
    period: '2025-11',
    budget_ack: '21 974',
    utfall_ack: '28 974',
    budget_helar: '24 000',
    prognos_helar: '31 100',
    kommentar: 'Fakturor om ca 300 tkr inkom sent.',
    kortId: KORT,
    grundversion: 1,
    grundenhet: 'bou',
    grundperiod: '2025-11',
    ...andrat,
  });

  it('lägger en ny version med vem och när, i samma transaktion som larmplaneringen', async () => {
    const larm = sinon.spy<Larmplanerare>((tx, andrade) => {
      assert.deepEqual(andrade, [{ enhet: 'bou', period: '2025-11' }]);
      // the new version is already applied when alerts are planned
      assert.equal(tx.register.senasteVersion('bou', '2025-11')?.version, 2);
    });
    const r = await sparaUtfall(store, alex, bou(), larm);
    assert.equal(r.typ, 'sparad');
    assert.equal(larm.callCount, 1);
    const v = store.register.senasteVersion('bou', '2025-11')!;
    assert.deepEqual(
      { version: v.version, utfall: v.utfall_ack, av: v.rapporterad_av, nar: v.rapporterad, kalla: v.kalla },
      { version: 2, utfall: 28974, av: ALEX.anvandare, nar: DEMO_NU.toISOString(), kalla: 'kort' },
    );
    assert.equal(store.register.versionerFor('bou', '2025-11').length, 2);
    assert.ok(store.dokument.mottagna.includes(KORT));
    const granskning = (await store.granskningslogg()).filter((h) => h.typ === 'utfall' && h.nyckel === 'bou|2025-11|v2');
    assert.equal(granskning.length, 1);
    assert.equal(granskning[0].vem, ALEX.anvandare);
    assert.equal(granskning[0].kalla, 'kort');
    // durable: a fresh process reading the same file sees it
    await store.vanta();
    const igen = await Store.oppna(store.plats, () => new Date(DEMO_NU));
    assert.equal(igen.register.senasteVersion('bou', '2025-11')?.utfall_ack, 28974);
  });

  it('samma kort igen skriver ingenting och ger samma version tillbaka', async () => {
    const larm = sinon.spy<Larmplanerare>(() => undefined);
    const forsta = await sparaUtfall(store, alex, bou(), larm);
    const journal = readFileSync(`${store.plats}.journal`, 'utf-8');
    const andra = await sparaUtfall(store, alex, bou(), larm);
    assert.equal(andra.typ, 'sparad');
    assert.equal(forsta.typ === 'sparad' && andra.typ === 'sparad' && andra.upprepad && andra.ny.version === forsta.ny.version, true);
    assert.equal(larm.callCount, 1);
    assert.equal(store.register.versionerFor('bou', '2025-11').length, 2);
    assert.equal(readFileSync(`${store.plats}.journal`, 'utf-8'), journal);
  });

  it('ett kort byggt på en äldre version vägras och visar det sparade; inget skrivs', async () => {
    await sparaUtfall(store, alex, bou({ kortId: 'kort-a-0001' }));
    const fore = JSON.stringify(store.dokument);
    const r = await sparaUtfall(store, alex, bou({ kortId: 'kort-b-0002', utfall_ack: '29 100' }));
    assert.equal(r.typ, 'konflikt');
    assert.equal(r.typ === 'konflikt' && r.nuvarande.version, 2);
    assert.equal(r.typ === 'konflikt' && r.varden.utfall_ack, 29100);
    assert.equal(JSON.stringify(store.dokument), fore);
    // on top of the version it was shown, it goes through
    const igen = await sparaUtfall(store, alex, bou({ kortId: 'kort-b-0002', utfall_ack: '29 100', grundversion: 2 }));
    assert.equal(igen.typ === 'sparad' && igen.ny.version, 3);
  });

  it('ett formulär som bytts till en annan enhet räknas som byggt på version 0 av den', async () => {
    const r = await sparaUtfall(store, alex, bou({ enhet: 'vuxen', kortId: 'kort-c-0003' }));
    assert.equal(r.typ, 'konflikt');
    const ny = await sparaUtfall(
      store,
      alex,
      bou({ period: '2025-12', kortId: 'kort-d-0004', budget_ack: '22 000', utfall_ack: '22 000', kommentar: '' }),
    );
    assert.equal(ny.typ === 'sparad' && ny.ny.version, 1);
  });

  it('samma siffror som den sparade versionen ger ingen ny version', async () => {
    const nu = store.register.senasteVersion('bou', '2025-11')!;
    const r = await sparaUtfall(
      store,
      alex,
      bou({ budget_ack: String(nu.budget_ack), utfall_ack: String(nu.utfall_ack), kommentar: nu.kommentar ?? '' }),
    );
    assert.equal(r.typ, 'oforandrad');
    assert.equal(store.register.versionerFor('bou', '2025-11').length, 1);
  });

  it('fel i formuläret skriver ingenting alls', async () => {
    const fore = JSON.stringify(store.dokument);
    const larm = sinon.spy<Larmplanerare>(() => undefined);
    const r = await sparaUtfall(store, alex, bou({ utfall_ack: 'abc' }), larm);
    assert.equal(r.typ, 'fel');
    assert.equal(JSON.stringify(store.dokument), fore);
    assert.equal(larm.callCount, 0);
  });

  it('ett kort utan giltigt kortId eller grundversion vägras', async () => {
    assert.equal((await sparaUtfall(store, alex, bou({ kortId: '' }))).typ, 'ogiltigt_kort');
    assert.equal((await sparaUtfall(store, alex, bou({ kortId: '<script>' }))).typ, 'ogiltigt_kort');
    assert.equal((await sparaUtfall(store, alex, bou({ grundversion: -1 }))).typ, 'ogiltigt_kort');
  });

  it('en chef nekas, och nekandet granskas; inget annat skrivs', async () => {
    const megan = { id: MEGAN.anvandare, anvandare: store.register.anvandare.get(MEGAN.anvandare) };
    const antal = store.dokument.utfall.length;
    const r = await sparaUtfall(store, megan, bou());
    assert.deepEqual(r, { typ: 'nekad', enhet: 'bou' });
    assert.equal(store.dokument.utfall.length, antal);
    assert.ok(!store.dokument.mottagna.includes(KORT));
    const nekad = (await store.granskningslogg()).filter((h) => h.typ === 'nekad');
    assert.equal(nekad.length, 1);
    assert.deepEqual(
      { vem: nekad[0].vem, nyckel: nekad[0].nyckel, efter: nekad[0].efter },
      { vem: MEGAN.anvandare, nyckel: 'bou|2025-11', efter: { atgard: 'spara_utfall', skal: 'fel_roll', roll: 'chef' } },
    );
  });

  it('en åtgärd: ny version, granskad, idempotent, och en äldre grundversion vägras', async () => {
    const larm = sinon.spy<Larmplanerare>(() => undefined);
    const data = {
      status: 'försenad',
      ar: '2025',
      besparing: '150',
      kommentar: 'Upphandlingen överklagad',
      kortId: 'atgard-kort-1',
      grundversion: 1,
      enhet: 'ifo',
      nr: 2,
    };
    const r = await sparaAtgard(store, alex, data, larm);
    assert.equal(r.typ, 'sparad');
    const a = store.register.atgarder('ifo').find((x) => x.nr === 2)!;
    assert.deepEqual(
      { status: a.status, utfall: a.utfall['2025'], version: a.version, av: a.andrad_av },
      { status: 'försenad', utfall: 150, version: 2, av: ALEX.anvandare },
    );
    assert.deepEqual(larm.firstCall.args[1], [{ enhet: 'ifo', period: '2025-11' }]);
    const igen = await sparaAtgard(store, alex, data, larm);
    assert.equal(igen.typ === 'sparad' && igen.upprepad && igen.ny.version, 2);
    assert.equal(larm.callCount, 1);
    const gammal = await sparaAtgard(store, alex, { ...data, kortId: 'atgard-kort-2', status: 'genomförd' }, larm);
    assert.equal(gammal.typ, 'konflikt');
    assert.equal(store.register.atgarder('ifo').find((x) => x.nr === 2)!.status, 'försenad');
  });
});
