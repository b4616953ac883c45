import assert from 'node:assert/strict';
import type { Larmvy } from '../../src/alerts/larmvy.js';
import { planeraUtskick } from '../../src/alerts/planera.js';
import { Store } from '../../src/store/store.js';
import { NU, type Scen, kort, konversation, scen } from './scen.js';

/**
 * Both units under IFO report November within budget, so IFO's sum is complete. Vuxen is large, so
 * IFO stays under 102 % until bou passes 12 000 (102 000 / 100 000).
 */
async function novemberIOrdning(s: Scen): Promise<void> {
  await s.rapportera('vuxen', '2025-11', 90000, 90000);
  await s.rapportera('bou', '2025-11', 10000, 9000);
  s.nya();
}

describe('larm: planering (vad som läggs i utkorgen)', () => {
  let s: Scen;
  beforeEach(async () => {
    s = await scen();
    await s.prenumerera('kanal-1', 'ifo');
    await s.prenumerera('kanal-2', 'sn');
  });

  it('en enhet som går in i varning ger exakt ett utskick per konversation som följer den eller något ovanför', async () => {
    await novemberIOrdning(s);
    const nya = await s.rapportera('bou', '2025-11', 10000, 10200);
    assert.deepEqual(nya.map(kort), ['kanal-1 bou 2025-11 varning', 'kanal-2 bou 2025-11 varning']);
    assert.ok(nya.every((u) => u.status === 'väntar' && u.forsok === 0 && u.nasta_forsok === null));
    // IFO: 100 200 / 100 000 = 100,2 %: no alert for IFO itself
  });

  it('en konversation som inte följer enheten, en avstängd prenumeration och en avinstallerad konversation får inget', async () => {
    await s.prenumerera('kanal-3', 'vuxen');
    await s.store.ändra({ vem: 't', kalla: 'system' }, (tx) => {
      tx.sätt('konversationer', { ...konversation('kanal-2'), aktiv: false });
      tx.sätt('konversationer', konversation('kanal-4'));
      tx.sätt('prenumerationer', {
        konversation: 'kanal-4',
        enhet: 'ifo',
        skapad_av: 't',
        skapad: NU.toISOString(),
        aktiv: false,
        procent: null,
      });
    });
    await novemberIOrdning(s);
    assert.deepEqual((await s.rapportera('bou', '2025-11', 10000, 10200)).map(kort), ['kanal-1 bou 2025-11 varning']);
  });

  it('samma eller oförändrade siffror igen ger inget; eskalering till kritisk ger ett till; sänkning tillbaka till varning ger inget', async () => {
    await novemberIOrdning(s);
    assert.equal((await s.rapportera('bou', '2025-11', 10000, 10200)).length, 2);
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 10200), [], 'samma siffror igen');
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 10300), [], 'fortfarande varning');
    const eskalering = await s.rapportera('bou', '2025-11', 10000, 10500);
    assert.deepEqual(eskalering.map(kort), ['kanal-1 bou 2025-11 kritisk', 'kanal-2 bou 2025-11 kritisk']);
    assert.deepEqual((eskalering[0].innehall as unknown as Larmvy).tidigare, { niva: 'varning', period: '2025-11' });
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 10300), [], 'tillbaka till varning: ingen ny varning');
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 10600), [], 'kritisk igen: redan skickat för perioden');
  });

  it('direkt till kritisk ger bara kritisk, inte också varning', async () => {
    await novemberIOrdning(s);
    assert.deepEqual((await s.rapportera('bou', '2025-11', 10000, 11000)).map(kort), [
      'kanal-1 bou 2025-11 kritisk',
      'kanal-2 bou 2025-11 kritisk',
    ]);
  });

  it('under gränserna igen: ett kort återställt-besked till dem som fick larmet, bara en gång', async () => {
    await s.prenumerera('kanal-3', 'vuxen');
    await novemberIOrdning(s);
    await s.rapportera('bou', '2025-11', 10000, 10600);
    const aterstallt = await s.rapportera('bou', '2025-11', 10000, 9900);
    assert.deepEqual(aterstallt.map(kort), ['kanal-1 bou 2025-11 återställt', 'kanal-2 bou 2025-11 återställt']);
    assert.deepEqual((aterstallt[0].innehall as unknown as Larmvy).tidigare, { niva: 'kritisk', period: '2025-11' });
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 9800), [], 'redan återställt');
    // Back over within the same month: varning was never sent for November, kritisk was. A level goes
    // out at most once per unit, period and conversation, so flapping corrections stay quiet.
    assert.deepEqual((await s.rapportera('bou', '2025-11', 10000, 10300)).map(kort), [
      'kanal-1 bou 2025-11 varning',
      'kanal-2 bou 2025-11 varning',
    ]);
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 10700), [], 'kritisk redan skickat för november');
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 9900).then((u) => u.map((x) => x.id)), [
      'larm|kanal-1|bou|2025-11|återställt|2',
      'larm|kanal-2|bou|2025-11|återställt|2',
    ]);
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 10300), []);
  });

  it('en ny månad är ny information: röd igen ger ett larm för den månaden, grön ger återställt', async () => {
    await novemberIOrdning(s);
    await s.rapportera('bou', '2025-11', 10000, 10600);
    s.nya();
    const dec = await s.rapportera('bou', '2025-12', 11000, 11600);
    assert.deepEqual(dec.map(kort), ['kanal-1 bou 2025-12 kritisk', 'kanal-2 bou 2025-12 kritisk']);
    assert.deepEqual((dec[0].innehall as unknown as Larmvy).tidigare, { niva: 'kritisk', period: '2025-11' });
    const jan = await s.rapportera('bou', '2026-01', 1000, 950);
    assert.deepEqual(jan.map(kort), ['kanal-1 bou 2026-01 återställt', 'kanal-2 bou 2026-01 återställt']);
  });

  it('en rättelse av en äldre månad larmar inte om den månaden', async () => {
    await novemberIOrdning(s);
    await s.rapportera('bou', '2025-12', 11000, 10800);
    await s.rapportera('vuxen', '2025-12', 4400, 4400);
    s.nya();
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 12000), [], 'november är inte längre senaste månaden');
    assert.deepEqual(await s.rapportera('bou', '2025-12', 11000, 12000).then((u) => u.map(kort)), [
      'kanal-1 bou 2025-12 kritisk',
      'kanal-2 bou 2025-12 kritisk',
      'kanal-1 ifo 2025-12 kritisk',
      'kanal-2 ifo 2025-12 kritisk',
      'kanal-2 sn 2025-12 kritisk',
    ]);
  });

  it('en summerad enhet bedöms först när alla under den har rapporterat månaden', async () => {
    await novemberIOrdning(s);
    const bara = await s.rapportera('bou', '2025-12', 11000, 12000);
    assert.deepEqual(bara.map(kort), ['kanal-1 bou 2025-12 kritisk', 'kanal-2 bou 2025-12 kritisk'], 'IFO har bara 1 av 2 rapporterade');
    const alla = await s.rapportera('vuxen', '2025-12', 4400, 4400);
    // IFO 16 400 / 15 400 = 106,5 %; sn and kommun sum the same two units
    assert.deepEqual(alla.map(kort), ['kanal-1 ifo 2025-12 kritisk', 'kanal-2 ifo 2025-12 kritisk', 'kanal-2 sn 2025-12 kritisk']);
  });

  it('prognosen räcker för larm: prognosavvikelse −500 tkr är varning, −499,9 inte', async () => {
    await novemberIOrdning(s);
    assert.deepEqual(await s.rapportera('bou', '2025-11', 10000, 9000, { budget: 12000, prognos: 12499.9 }), []);
    assert.deepEqual((await s.rapportera('bou', '2025-11', 10000, 9000, { budget: 12000, prognos: 12500 })).map(kort), [
      'kanal-1 bou 2025-11 varning',
      'kanal-2 bou 2025-11 varning',
    ]);
  });

  it('egna trösklar gäller, ärvda nedåt', async () => {
    await s.troskel({ enhet: 'ifo', varning_procent: 101 });
    await novemberIOrdning(s);
    assert.deepEqual((await s.rapportera('bou', '2025-11', 10000, 10100)).map(kort), [
      'kanal-1 bou 2025-11 varning',
      'kanal-2 bou 2025-11 varning',
    ]);
  });

  it('två prenumerationer i samma konversation ger ett utskick; den närmaste avgör en personlig procentgräns', async () => {
    await s.prenumerera('kanal-1', 'sn');
    await s.prenumerera('kanal-1', 'bou', 110);
    await novemberIOrdning(s);
    assert.deepEqual(
      (await s.rapportera('bou', '2025-11', 10000, 10600)).map(kort),
      ['kanal-2 bou 2025-11 kritisk'],
      'kanal-1 vill bara veta över 110 %',
    );
    assert.deepEqual((await s.rapportera('bou', '2025-11', 10000, 11000)).map(kort), ['kanal-1 bou 2025-11 kritisk']);
  });

  it('minnet är utkorgen på disk: efter omstart skickas samma nivå inte igen', async () => {
    await novemberIOrdning(s);
    await s.rapportera('bou', '2025-11', 10000, 10200);
    await s.store.komprimera();
    const igen = await Store.oppna(s.store.plats, () => new Date(NU));
    assert.equal(igen.dokument.utskick.length, 2);
    assert.deepEqual(planeraUtskick(igen.register, [{ enhet: 'bou', period: '2025-11' }], NU), []);
  });

  it('utan prenumerationer läggs inget i utkorgen (och en import räknar inte i onödan)', async () => {
    const tom = await scen();
    await tom.rapportera('vuxen', '2025-11', 4000, 4000);
    assert.deepEqual(await tom.rapportera('bou', '2025-11', 10000, 12000), []);
  });

  describe('tertialregeln (KS 2024-03-27 § 61)', () => {
    beforeEach(async () => {
      s = await scen();
      await s.prenumerera('kanal-1', 'kommun');
    });

    const atgardsplaner = (u: Array<{ slag: string }>) =>
      (u as Parameters<typeof kort>[0][]).filter((x) => x.slag === 'åtgärdsplan').map(kort);

    it('i april: nämnd och verksamhetsområde med underskott och utan åtgärdsplan får ett larm om att en plan krävs', async () => {
      await s.rapportera('vuxen', '2025-04', 4000, 4000);
      const nya = await s.rapportera('bou', '2025-04', 10000, 10050); // 100,5 %: under the warning level, still an underskott
      assert.deepEqual(atgardsplaner(nya), ['kanal-1 ifo 2025-04 åtgärdsplan', 'kanal-1 sn 2025-04 åtgärdsplan']);
      assert.deepEqual(
        nya.filter((u) => u.slag !== 'åtgärdsplan'),
        [],
        'inget nivålarm under 102 %',
      );
      assert.deepEqual(await s.rapportera('bou', '2025-04', 10000, 10080), [], 'bara en gång per enhet och period');
    });

    it('i augusti likaså; inte i mars eller maj; inte vid överskott; inte för en verksamhet', async () => {
      for (const period of ['2025-03', '2025-05']) {
        await s.rapportera('vuxen', period, 4000, 4000);
        assert.deepEqual(atgardsplaner(await s.rapportera('bou', period, 10000, 10050)), [], period);
      }
      await s.rapportera('vuxen', '2025-08', 4000, 3900);
      assert.deepEqual(atgardsplaner(await s.rapportera('bou', '2025-08', 10000, 10050)), [], 'IFO 13 950 mot 14 000: överskott');
      assert.deepEqual(atgardsplaner(await s.rapportera('bou', '2025-08', 10000, 10150)), [
        'kanal-1 ifo 2025-08 åtgärdsplan',
        'kanal-1 sn 2025-08 åtgärdsplan',
      ]);
    });

    it('en åtgärd under enheten eller en rad i atgardsplaner räknas som plan; en plan ovanför gör det inte', async () => {
      await s.store.ändra({ vem: 't', kalla: 'import' }, (tx) => {
        tx.sätt('atgardsplaner', { enhet: 'sn', namn: 'Plan för SN', sparbeting: 1000, angiven_summa: null });
      });
      await s.rapportera('vuxen', '2025-04', 4000, 4000);
      assert.deepEqual(atgardsplaner(await s.rapportera('bou', '2025-04', 10000, 10050)), ['kanal-1 ifo 2025-04 åtgärdsplan']);
      await s.store.ändra({ vem: 't', kalla: 'import' }, (tx) => {
        tx.sätt('atgarder', {
          enhet: 'vuxen',
          nr: 1,
          atgard: 'Hemmaplanslösningar',
          ansvarig: 'IFO-chef',
          tidplan: '2025',
          uppfoljning: 'månadsvis',
          kategori: 'A',
          status: 'pågår',
          kommentar: null,
          plan: {},
          utfall: {},
          version: 1,
          andrad_av: 't',
          andrad: NU.toISOString(),
        });
      });
      await s.rapportera('vuxen', '2025-08', 4000, 4000);
      assert.deepEqual(atgardsplaner(await s.rapportera('bou', '2025-08', 10000, 10050)), []);
    });
  });
});
