import assert from 'node:assert/strict';
import { type Larmvy, larmSvar } from '../../src/alerts/larmvy.js';
import { kortSomText } from '../../src/cards/somText.js';
import type { Utskick } from '../../src/domain/schema.js';
import { svarTillAktivitet } from '../../src/teams/aktivitet.js';
import { läsbar } from '../support/demo.js';
import { MAX_KORTSTORLEK, kortstorlek, kortvarningar } from '../support/kortvalidering.js';
import { SENTINELLER, raMarkdown } from '../hardening/stod.js';
import { NU, scen } from './scen.js';

/** The card Teams would get for an outbox entry, checked the way every card in the project is. */
function kortFor(u: Utskick): {
  text: string;
  kort: Record<string, unknown> & { fallbackText: string; actions: Array<{ title: string; data: unknown }> };
} {
  const svar = larmSvar(u.innehall as unknown as Larmvy);
  const aktivitet = svarTillAktivitet(svar);
  const kort = aktivitet.attachments![0].content as Record<string, unknown> & {
    fallbackText: string;
    actions: Array<{ title: string; data: unknown }>;
  };
  assert.deepEqual(kortvarningar(kort), [], `${u.slag}: ${JSON.stringify(kort).slice(0, 300)}`);
  assert.ok(kortstorlek(kort) < MAX_KORTSTORLEK);
  assert.ok(!JSON.stringify(kort).includes('${'), `${u.slag}: obundna mallfält`);
  assert.equal(kort.fallbackText, svar.text, 'texten för klienter utan kort är samma som kortets vy');
  assert.equal(aktivitet.summary, svar.text.split('\n')[0].replace(/\*\*/g, ''), 'aviseringen visar rubriken');
  return { text: läsbar(svar.text).replace(/\*\*/g, ''), kort };
}

describe('larm: korten (Adaptive Card 1.5) och texten', () => {
  it('varning, eskalering, återställt och åtgärdsplan ger giltiga kort med text ur samma vy', async () => {
    const s = await scen();
    await s.prenumerera('kanal-1', 'kommun');
    await s.store.ändra({ vem: 't', kalla: 'import' }, (tx) => {
      for (let nr = 1; nr <= 8; nr++) {
        tx.sätt('atgarder', {
          enhet: 'bou',
          nr,
          atgard: `Åtgärd ${nr}`,
          ansvarig: 'Chef',
          tidplan: '2025',
          uppfoljning: 'månadsvis',
          kategori: nr > 6 ? 'B' : 'A',
          status: nr === 3 ? 'försenad' : nr === 8 ? 'avbruten' : 'pågår',
          kommentar: null,
          plan: { 2025: 100 },
          utfall: {},
          version: 1,
          andrad_av: 't',
          andrad: NU.toISOString(),
        });
      }
    });
    await s.rapportera('vuxen', '2025-03', 90000, 90000);
    await s.rapportera('bou', '2025-03', 10000, 9000);
    s.nya();

    const [varning] = await s.rapportera('bou', '2025-04', 13000, 13300, { budget: 40000, prognos: 40100 });
    assert.equal(varning.slag, 'varning');
    const v = kortFor(varning);
    assert.match(v.text, /^Varning: Barn och unga t\.o\.m\. april 2025\n\nUtfallet är 102,3 % av budget \(varning från 102 %\)\./);
    assert.match(v.text, /Helårsprognos 40 100 tkr mot årsbudget 40 000 tkr: underskott 100 tkr\./);
    assert.match(v.text, /Sedan mars har avvikelsen gått från överskott 1 000 tkr till underskott 300 tkr\./);
    assert.match(
      v.text,
      /Åtgärder: 3\. Åtgärd 3 \(försenad\); 1\. Åtgärd 1 \(pågår\); 2\. Åtgärd 2 \(pågår\); 4\. Åtgärd 4 \(pågår\); 5\. Åtgärd 5 \(pågår\); 6\. Åtgärd 6 \(pågår\) … och 1 till\./,
    );
    assert.match(kortSomText(v.kort), /^VARNING\nBarn och unga t\.o\.m\. april 2025\n/);
    assert.match(kortSomText(v.kort), /… och 1 åtgärd till\./);
    assert.deepEqual(
      v.kort.actions.map((a) => a.title),
      ['Visa trend', 'Visa åtgärder'],
    );

    // IFO and SN in April: underskott and no plan at or below them? bou has measures, so they have a plan.
    assert.deepEqual(
      s.nya().filter((u) => u.slag === 'åtgärdsplan'),
      [],
    );

    const [kritisk] = await s.rapportera('bou', '2025-04', 13000, 13700, { budget: 40000, prognos: 40100 });
    assert.equal(kritisk.slag, 'kritisk');
    const k = kortFor(kritisk);
    assert.match(k.text, /^Kritisk nivå: Barn och unga t\.o\.m\. april 2025\n\nUtfallet är 105,4 % av budget \(kritisk från 105 %\)\./);
    assert.match(k.text, /Höjt från varning till kritisk nivå\./);

    const [aterstallt] = await s.rapportera('bou', '2025-04', 13000, 12900, { budget: 40000, prognos: 40000 });
    const a = kortFor(aterstallt);
    assert.equal(
      a.text,
      'Återställt: Barn och unga t.o.m. april 2025 är under larmgränserna igen\n\nUtfallet är 99,2 % av budget (varning från 102 %) och helårsprognosen visar budget i balans. Larmet gällde kritisk nivå t.o.m. april 2025.',
    );
    assert.match(kortSomText(a.kort), /^ÅTERSTÄLLT\n/);
  });

  it('åtgärdsplanslarmet hänvisar till KS-beslutet och säger vad som ska göras', async () => {
    const s = await scen();
    await s.prenumerera('kanal-1', 'sn');
    await s.rapportera('vuxen', '2025-08', 90000, 90000);
    const nya = await s.rapportera('bou', '2025-08', 10000, 10100);
    const plan = nya.filter((u) => u.slag === 'åtgärdsplan');
    assert.deepEqual(
      plan.map((u) => u.enhet),
      ['ifo', 'sn'],
    );
    const { text, kort } = kortFor(plan[0]);
    assert.match(
      text,
      /^Åtgärdsplan krävs: Individ- och familjeomsorg t\.o\.m\. augusti 2025\n\nIndivid- och familjeomsorg visar underskott 100 tkr \(100,1 % av budget\) vid delårsuppföljningen i augusti \(T2\) och har ingen åtgärdsplan registrerad\. Enligt kommunstyrelsens beslut \(KS 2024-03-27 § 61\)/,
    );
    assert.match(text, /Inga åtgärder registrerade för Individ- och familjeomsorg\./);
    assert.match(text, /Nästa steg: ta fram en åtgärdsplan och registrera åtgärderna i Budgetkollen\.$/);
    assert.match(kortSomText(kort), /^ÅTGÄRDSPLAN KRÄVS\n/);
    assert.deepEqual(
      kort.actions.map((a) => a.title),
      [],
      'ingen månad före augusti och inga åtgärder någonstans: inga knappar som leder ingenstans',
    );
  });

  it('en enhet utan egna åtgärder får knappen till planen ovanför, med dess namn', async () => {
    const s = await scen();
    await s.prenumerera('kanal-1', 'bou');
    await s.store.ändra({ vem: 't', kalla: 'import' }, (tx) => {
      tx.sätt('atgarder', {
        enhet: 'sn',
        nr: 1,
        atgard: 'Översyn av placeringar',
        ansvarig: 'Chef',
        tidplan: '2025',
        uppfoljning: 'månadsvis',
        kategori: 'A',
        status: 'pågår',
        kommentar: null,
        plan: { 2025: 100 },
        utfall: {},
        version: 1,
        andrad_av: 't',
        andrad: NU.toISOString(),
      });
    });
    await s.rapportera('bou', '2025-03', 10000, 10000);
    s.nya();
    const [larm] = await s.rapportera('bou', '2025-04', 13000, 13700);
    const { text, kort } = kortFor(larm);
    assert.match(text, /Inga åtgärder registrerade för Barn och unga; Socialnämnden har 1 åtgärd\./);
    assert.deepEqual(
      kort.actions.map((a) => [a.title, (a.data as { enhet: string }).enhet]),
      [
        ['Visa trend', 'bou'],
        ['Visa åtgärder för Socialnämnden', 'sn'],
      ],
    );
  });

  it('kommentarer och åtgärdstitlar visas som de skrevs, aldrig som markdown, mallfält eller omnämnanden', async () => {
    const allt = SENTINELLER.join(' ');
    const s = await scen();
    await s.prenumerera('kanal-1', 'ifo');
    await s.store.ändra({ vem: 't', kalla: 'import' }, (tx) => {
      tx.sätt('atgarder', {
        enhet: 'ifo',
        nr: 1,
        atgard: `Placeringar ${allt}`,
        ansvarig: 'Chef',
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
    await s.rapportera('vuxen', '2025-11', 90000, 90000);
    await s.store.ändra({ vem: 'controller', kalla: 'kort' }, (tx) => {
      tx.lagg('utfall', {
        enhet: 'bou',
        period: '2025-11',
        budget_ack: 10000,
        utfall_ack: 13000,
        budget_helar: null,
        prognos_helar: null,
        kommentar: `Fakturor ${allt}`,
        kalla: 'kort',
        version: 1,
        rapporterad_av: 'controller',
        rapporterad: NU.toISOString(),
      });
    });
    const { planeraLarm } = await import('../../src/alerts/planera.js');
    await s.store.ändra({ vem: 'controller', kalla: 'kort' }, (tx) => planeraLarm(tx, [{ enhet: 'bou', period: '2025-11' }]));
    const larm = s.store.dokument.utskick;
    assert.deepEqual(
      larm.map((u) => `${u.enhet} ${u.slag}`),
      ['bou kritisk', 'ifo varning'],
    ); // IFO: 103 000 / 100 000
    for (const u of larm) {
      const aktivitet = svarTillAktivitet(larmSvar(u.innehall as unknown as Larmvy));
      assert.deepEqual(kortvarningar(aktivitet.attachments![0].content), []);
      assert.deepEqual(raMarkdown([aktivitet]), [], `${u.enhet}: användartext som markdown`);
    }
    // and it is there: the comment on bou's alert, the comment of the largest deviation and the measure on IFO's
    const ifo = läsbar(larmSvar(larm[1].innehall as unknown as Larmvy).text);
    assert.match(ifo, /Störst underskott: Barn och unga -3 000 tkr \(Fakturor \\\*\\\*FETT/);
    assert.match(ifo, /1\. Placeringar \\\*\\\*FETT/);
  });
});
