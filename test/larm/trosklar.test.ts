import assert from 'node:assert/strict';
import { STANDARDTROSKLAR, bedom, gallandeTrosklar, medPersonligProcent, motsagelse } from '../../src/alerts/trosklar.js';
import { tolkaTroskelandring } from '../../src/language/troskelandring.js';
import { Register } from '../../src/domain/register.js';
import { type Troskel, tomtDokument } from '../../src/domain/schema.js';
import { siffrorFor } from '../../src/domain/siffror.js';
import { TRAD } from './scen.js';

const rad = (t: Partial<Troskel> & { enhet: string }): Troskel => ({
  varning_procent: null,
  kritisk_procent: null,
  varning_prognos_tkr: null,
  kritisk_prognos_tkr: null,
  ...t,
});

function register(trosklar: Troskel[]): Register {
  return new Register({ ...tomtDokument(), enheter: TRAD, trosklar });
}

describe('larm: trösklar', () => {
  describe('arv från närmaste enhet uppåt', () => {
    it('utan några rader gäller standard (102 %, 105 %, −500 tkr, −2 000 tkr), utan källa', () => {
      const g = gallandeTrosklar(register([]), 'bou');
      assert.deepEqual(g.varden, { varning_procent: 102, kritisk_procent: 105, varning_prognos_tkr: -500, kritisk_prognos_tkr: -2000 });
      assert.deepEqual(g.kalla, { varning_procent: null, kritisk_procent: null, varning_prognos_tkr: null, kritisk_prognos_tkr: null });
    });

    it('varje gräns för sig från den närmaste enheten som sätter den', () => {
      const reg = register([
        rad({ enhet: 'kommun', varning_procent: 103, kritisk_procent: 106, varning_prognos_tkr: -600, kritisk_prognos_tkr: -3000 }),
        rad({ enhet: 'ifo', varning_procent: 101, kritisk_prognos_tkr: -1000 }),
        rad({ enhet: 'bou', kritisk_procent: 104 }),
      ]);
      const g = gallandeTrosklar(reg, 'bou');
      assert.deepEqual(g.varden, { varning_procent: 101, kritisk_procent: 104, varning_prognos_tkr: -600, kritisk_prognos_tkr: -1000 });
      assert.deepEqual(g.kalla, {
        varning_procent: 'ifo',
        kritisk_procent: 'bou',
        varning_prognos_tkr: 'kommun',
        kritisk_prognos_tkr: 'ifo',
      });
      // vuxen, beside bou, does not see bou's row
      assert.equal(gallandeTrosklar(reg, 'vuxen').varden.kritisk_procent, 106);
      // above ifo, ifo's rows do not apply
      assert.deepEqual(gallandeTrosklar(reg, 'sn').varden, {
        varning_procent: 103,
        kritisk_procent: 106,
        varning_prognos_tkr: -600,
        kritisk_prognos_tkr: -3000,
      });
    });

    it('en rad med bara tomma värden ärver allt (så tar man bort en egen gräns)', () => {
      const reg = register([rad({ enhet: 'kommun', varning_procent: 103 }), rad({ enhet: 'ifo' })]);
      assert.equal(gallandeTrosklar(reg, 'ifo').varden.varning_procent, 103);
      assert.equal(gallandeTrosklar(reg, 'ifo').kalla.varning_procent, 'kommun');
    });

    it('demodatans trosklar.csv: IFO 101/103/−250/−1000 gäller även för Barn och unga; Vård och stöd har kommunens', async () => {
      const { demoStore } = await import('../support/demo.js');
      const store = await demoStore();
      assert.deepEqual(gallandeTrosklar(store.register, 'bou').varden, {
        varning_procent: 101,
        kritisk_procent: 103,
        varning_prognos_tkr: -250,
        kritisk_prognos_tkr: -1000,
      });
      assert.equal(gallandeTrosklar(store.register, 'bou').kalla.varning_procent, 'ifo');
      assert.deepEqual(gallandeTrosklar(store.register, 'vos').varden, STANDARDTROSKLAR);
      assert.equal(gallandeTrosklar(store.register, 'vos').kalla.varning_procent, 'kommun');
    });
  });

  describe('bedömning vid exakta gränser', () => {
    const t = STANDARDTROSKLAR;
    const niva = (budget: number, utfall: number, prognosavvikelse: number | null = null) =>
      bedom({ budget_ack: budget, procent: (utfall / budget) * 100, prognosavvikelse }, t).niva;

    it('procent: 101,99 % är ok, 102 % är varning, 104,99 % varning, 105 % kritisk', () => {
      assert.equal(niva(10000, 10199), 'ok');
      assert.equal(niva(10000, 10199.9), 'ok');
      assert.equal(niva(10000, 10200), 'varning');
      assert.equal(niva(46695, 47628.9), 'varning'); // exactly 102 % of a budget with decimals in tkr
      assert.equal(niva(10000, 10499.9), 'varning');
      assert.equal(niva(10000, 10500), 'kritisk');
      assert.equal(niva(3, 3.15), 'kritisk'); // 3.15/3 = 1.0499999999999998 in floating point, still 105 %
    });

    it('prognosavvikelse: −499,9 tkr är ok, −500 varning, −1 999,9 varning, −2 000 kritisk', () => {
      assert.equal(niva(10000, 9000, -499.9), 'ok');
      assert.equal(niva(10000, 9000, -500), 'varning');
      assert.equal(niva(10000, 9000, -1999.9), 'varning');
      assert.equal(niva(10000, 9000, -2000), 'kritisk');
      assert.equal(niva(10000, 9000, 300), 'ok');
    });

    it('den strängaste regeln avgör, och alla regler som nås redovisas med värde och gräns', () => {
      const b = bedom({ budget_ack: 10000, procent: 103, prognosavvikelse: -2500 }, t);
      assert.equal(b.niva, 'kritisk');
      assert.deepEqual(b.orsaker, [
        { matt: 'prognos', niva: 'kritisk', varde: -2500, grans: -2000 },
        { matt: 'procent', niva: 'varning', varde: 103, grans: 102 },
      ]);
    });

    it('utan budget (0) eller utan prognos bedöms bara det som finns', () => {
      assert.equal(bedom({ budget_ack: 0, procent: null, prognosavvikelse: -100 }, t).niva, 'ok');
      assert.equal(bedom({ budget_ack: 0, procent: null, prognosavvikelse: -600 }, t).niva, 'varning');
      assert.equal(bedom({ budget_ack: 1000, procent: 110, prognosavvikelse: null }, t).niva, 'kritisk');
    });

    it('mot riktiga siffror: en enhet med summerade siffror bedöms på summan', () => {
      const reg = new Register({
        ...tomtDokument(),
        enheter: TRAD,
        utfall: [
          {
            enhet: 'bou',
            period: '2025-11',
            budget_ack: 6000,
            utfall_ack: 6300,
            budget_helar: null,
            prognos_helar: null,
            kommentar: null,
            kalla: null,
            version: 1,
            rapporterad_av: 'x',
            rapporterad: '2025-12-01T00:00:00Z',
          },
          {
            enhet: 'vuxen',
            period: '2025-11',
            budget_ack: 4000,
            utfall_ack: 3900,
            budget_helar: null,
            prognos_helar: null,
            kommentar: null,
            kalla: null,
            version: 1,
            rapporterad_av: 'x',
            rapporterad: '2025-12-01T00:00:00Z',
          },
        ],
      });
      const ifo = siffrorFor(reg, 'ifo', '2025-11')!;
      assert.equal(ifo.procent, 102); // 10 200 / 10 000
      assert.equal(bedom(ifo, gallandeTrosklar(reg, 'ifo').varden).niva, 'varning');
      assert.equal(bedom(siffrorFor(reg, 'bou', '2025-11')!, gallandeTrosklar(reg, 'bou').varden).niva, 'kritisk'); // 105 %
      assert.equal(bedom(siffrorFor(reg, 'vuxen', '2025-11')!, gallandeTrosklar(reg, 'vuxen').varden).niva, 'ok');
    });
  });

  describe('personlig procentgräns och motsägelser', () => {
    it('"meddela mig om IFO går över 105 %" ersätter varningsprocenten för den prenumerationen; kritisk blir aldrig lägre', () => {
      assert.deepEqual(medPersonligProcent(STANDARDTROSKLAR, 105), { ...STANDARDTROSKLAR, varning_procent: 105, kritisk_procent: 105 });
      assert.deepEqual(medPersonligProcent(STANDARDTROSKLAR, 110), { ...STANDARDTROSKLAR, varning_procent: 110, kritisk_procent: 110 });
      assert.deepEqual(medPersonligProcent(STANDARDTROSKLAR, 95), { ...STANDARDTROSKLAR, varning_procent: 95 });
      assert.equal(medPersonligProcent(STANDARDTROSKLAR, null), STANDARDTROSKLAR);
    });

    it('en kritisk gräns mildare än varningsgränsen är en motsägelse', () => {
      assert.equal(motsagelse(STANDARDTROSKLAR), null);
      assert.match(
        motsagelse({ ...STANDARDTROSKLAR, kritisk_procent: 101 })!.replace(/\u00a0/g, ' '),
        /kritiska tröskeln \(101 %\) skulle bli lägre än varningströskeln \(102 %\)/,
      );
      assert.match(motsagelse({ ...STANDARDTROSKLAR, kritisk_prognos_tkr: -400 })!, /kritiska prognosgränsen/);
    });
  });

  describe('vad en administratör skriver', () => {
    it('sätter en gräns: nivå, mått och svenskt tal', () => {
      assert.deepEqual(tolkaTroskelandring('sätt varningströskel för IFO till 103 %'), {
        typ: 'satt',
        falt: 'varning_procent',
        varde: 103,
      });
      assert.deepEqual(tolkaTroskelandring('sätt kritisk tröskel för IFO till 106,5%'), {
        typ: 'satt',
        falt: 'kritisk_procent',
        varde: 106.5,
      });
      assert.deepEqual(tolkaTroskelandring('sätt kritisk prognosgräns för IFO till -1500 tkr'), {
        typ: 'satt',
        falt: 'kritisk_prognos_tkr',
        varde: -1500,
      });
      assert.deepEqual(tolkaTroskelandring('sätt kritisk prognosgräns för IFO till \u22121\u00a0500 tkr'), {
        typ: 'satt',
        falt: 'kritisk_prognos_tkr',
        varde: -1500,
      });
      assert.deepEqual(tolkaTroskelandring('ändra varningsgränsen för prognosen för IFO till 1,5 mnkr'), {
        typ: 'satt',
        falt: 'varning_prognos_tkr',
        varde: -1500,
      });
      assert.deepEqual(tolkaTroskelandring('sätt larmgräns för varning för hemtjänsten till 104'), {
        typ: 'satt',
        falt: 'varning_procent',
        varde: 104,
      });
    });

    it('visar, tar bort, och säger vad som saknas', () => {
      assert.deepEqual(tolkaTroskelandring('visa trösklar för IFO'), { typ: 'visa' });
      assert.deepEqual(tolkaTroskelandring('vilka larmgränser gäller för IFO?'), { typ: 'visa' });
      assert.deepEqual(tolkaTroskelandring('ta bort tröskeln för IFO'), {
        typ: 'ta_bort',
        falt: ['varning_procent', 'kritisk_procent', 'varning_prognos_tkr', 'kritisk_prognos_tkr'],
      });
      assert.deepEqual(tolkaTroskelandring('ta bort den kritiska prognosgränsen för IFO'), {
        typ: 'ta_bort',
        falt: ['kritisk_prognos_tkr'],
      });
      assert.match(
        (tolkaTroskelandring('sätt tröskel för IFO till 103 %') as { text: string }).text,
        /^Ska det vara varningströskeln eller den kritiska tröskeln\?/,
      );
      assert.match((tolkaTroskelandring('sätt varningströskel för IFO') as { text: string }).text, /^Jag hittar inget värde/);
      assert.match((tolkaTroskelandring('sätt varningströskel för IFO till 0 %') as { text: string }).text, /mellan 1 och 500 %/);
      assert.match(
        (tolkaTroskelandring('sätt kritisk prognosgräns för IFO till 5 %') as { text: string }).text,
        /^Prognosgränsen anges i tkr/,
      );
      assert.match((tolkaTroskelandring('sätt varningströskel för IFO till mycket') as { text: string }).text, /är inte ett tal/);
    });
  });
});
