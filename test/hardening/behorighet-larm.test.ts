// Promise 3 for the alert write paths: thresholds, subscribing and unsubscribing a channel refuse a chef,
// an unknown user and a controller of another committee, write nothing and audit the refusal. (A chef may
// have alerts for her own unit sent to her personal chat; that is tested in test/larm/integration.test.ts.)
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import { LokalKanal } from '../../src/teams/lokalt.js';
import { kanalmeddelande } from '../larm/scen.js';
import { ADMIN, testbot } from '../support/testbot.js';
import { demoStore } from '../support/demo.js';
import { OBEHORIGA, avtryck, nyaHandelser } from './stod.js';

describe('härdning 3: larmens skrivvägar nekar och granskar', function () {
  this.timeout(60000);
  let store: Store;
  let kanal: LokalKanal;
  const iKanalen = (text: string, anvandare: string) => kanal.skicka(kanalmeddelande(text), { anvandare });

  before(async () => {
    store = await demoStore();
    kanal = (await testbot({ store })).kanal;
  });

  const nekadOchGranskad = async (fore: { data: string; handelser: number }, id: string) => {
    assert.equal((await avtryck(store)).data, fore.data, 'något skrevs');
    const nya = await nyaHandelser(store, fore);
    assert.equal(nya.length, 1, `väntade en granskningshändelse, fick ${JSON.stringify(nya.map((h) => h.typ))}`);
    assert.equal(nya[0].typ, 'nekad');
    assert.equal(nya[0].vem, id);
  };

  for (const [vem, id] of OBEHORIGA) {
    it(`trösklar: ${vem} nekas och nekandet granskas`, async () => {
      const fore = await avtryck(store);
      await iKanalen('sätt varningströskel för IFO till 110 %', id);
      await nekadOchGranskad(fore, id);
    });

    it(`prenumeration: ${vem} nekas och nekandet granskas`, async () => {
      const fore = await avtryck(store);
      await iKanalen('prenumerera på larm för IFO', id);
      await nekadOchGranskad(fore, id);
    });

    it(`avsluta prenumeration: ${vem} nekas och nekandet granskas`, async () => {
      await iKanalen('prenumerera på larm för IFO', ADMIN);
      assert.ok(store.dokument.prenumerationer.some((p) => p.enhet === 'ifo' && p.aktiv));
      const fore = await avtryck(store);
      await iKanalen('avsluta larm för IFO', id);
      await nekadOchGranskad(fore, id);
    });
  }
});
