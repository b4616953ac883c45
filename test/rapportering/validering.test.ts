import assert from 'node:assert/strict';
import { granskaAtgard, granskaUtfall, overVarningsgransen, varningsgrans } from '../../src/domain/granskning.js';
import { Register } from '../../src/domain/register.js';
import { type Anvandare, type Atgard, type Dokument, tomtDokument } from '../../src/domain/schema.js';
import { läsbar } from '../support/demo.js';

/** A small organisation: kommun > sn > ifo > bou, and kommun > bn; IFO warns at 101 %. */
function register(): Register {
  const dok: Dokument = tomtDokument();
  dok.enheter = [
    { id: 'kommun', namn: 'Kommunen', typ: 'kommun', foralder: null, alias: [] },
    { id: 'sn', namn: 'Socialnämnden', typ: 'nämnd', foralder: 'kommun', alias: ['SN'] },
    { id: 'ifo', namn: 'Individ- och familjeomsorg', typ: 'verksamhetsområde', foralder: 'sn', alias: ['IFO'] },
    { id: 'bou', namn: 'Barn och unga', typ: 'verksamhet', foralder: 'ifo', alias: [] },
    { id: 'hemtjanst', namn: 'Hemtjänst', typ: 'enhet', foralder: 'sn', alias: [] },
    { id: 'bn', namn: 'Bildningsnämnden', typ: 'nämnd', foralder: 'kommun', alias: ['BN'] },
  ];
  dok.anvandare = [
    { id: 'alex', namn: 'Alex Wilber', roll: 'controller', enheter: ['sn'] },
    { id: 'megan', namn: 'Megan Bowen', roll: 'chef', enheter: ['ifo'] },
    { id: 'adele', namn: 'Adele Vance', roll: 'admin', enheter: ['kommun'] },
    { id: 'isaiah', namn: 'Isaiah Langer', roll: 'controller', enheter: ['bn'] },
  ];
  dok.trosklar = [{ enhet: 'ifo', varning_procent: 101, kritisk_procent: 103, varning_prognos_tkr: null, kritisk_prognos_tkr: null }];
  return new Register(dok);
}

const reg = register();
const alex = reg.anvandare.get('alex') as Anvandare;
const NU = '2025-12';

/** A valid November report for Barn och unga, with the given fields changed. */
function form(andrat: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    enhet: 'bou',
    period: '2025-11',
    budget_ack: '21 974',
    utfall_ack: '21 900',
    budget_helar: '24 000',
    prognos_helar: '24 000',
    kommentar: '',
    ...andrat,
  };
}

function fel(andrat: Record<string, unknown>, ...vem: [Anvandare | undefined] | []): Record<string, string> {
  const g = granskaUtfall(form(andrat), { register: reg, anvandare: vem.length ? vem[0] : alex, nu: NU });
  assert.equal(g.ok, false, 'väntade fel');
  return Object.fromEntries(Object.entries(g.ok ? {} : g.fel).map(([k, v]) => [k, läsbar(v as string)]));
}

function ok(andrat: Record<string, unknown>) {
  const g = granskaUtfall(form(andrat), { register: reg, anvandare: alex, nu: NU });
  assert.ok(g.ok, `väntade giltigt, fick ${JSON.stringify(g.ok ? null : g.fel)}`);
  return g;
}

describe('rapportering: granskning av siffror från kortet', () => {
  it('tar emot ett giltigt formulär och tolkar svenska belopp', () => {
    const g = ok({
      budget_ack: '21 974,5',
      utfall_ack: '−1 651,4',
      budget_helar: '24 000',
      prognos_helar: '13,1 mnkr',
      kommentar: '  Sena fakturor  ',
    });
    assert.deepEqual(g.varden, {
      enhet: 'bou',
      period: '2025-11',
      budget_ack: 21974.5,
      utfall_ack: -1651.4,
      budget_helar: 24000,
      prognos_helar: 13100,
      kommentar: 'Sena fakturor',
    });
    assert.deepEqual(g.varningar, []);
  });

  it('årsbudget, helårsprognos och kommentar får vara tomma', () => {
    const g = ok({ budget_helar: '', prognos_helar: '  ', kommentar: '' });
    assert.equal(g.varden.budget_helar, null);
    assert.equal(g.varden.prognos_helar, null);
    assert.equal(g.varden.kommentar, null);
  });

  describe('belopp', () => {
    it('tomt obligatoriskt belopp', () => {
      assert.deepEqual(fel({ budget_ack: '' }), { budget_ack: 'Budget t.o.m.: fyll i ett belopp i tkr, t.ex. 17 795,6' });
      assert.deepEqual(fel({ utfall_ack: '   ' }), { utfall_ack: 'Utfall t.o.m.: fyll i ett belopp i tkr, t.ex. 17 795,6' });
      assert.deepEqual(fel({ utfall_ack: undefined }), { utfall_ack: 'Utfall t.o.m.: fyll i ett belopp i tkr, t.ex. 17 795,6' });
    });

    it('text som inte är ett tal', () => {
      assert.deepEqual(fel({ utfall_ack: 'abc' }), {
        utfall_ack: 'Utfall t.o.m.: "abc" är inte ett tal. Skriv till exempel 17 795,6 eller 13,1 mnkr.',
      });
      assert.deepEqual(fel({ budget_helar: '24 000 kronor ungefär' }), {
        budget_helar: 'Årsbudget: "24 000 kronor ungefär" är inte ett tal. Skriv till exempel 17 795,6 eller 13,1 mnkr.',
      });
      assert.deepEqual(fel({ prognos_helar: '1e5' }), {
        prognos_helar: 'Helårsprognos: "1e5" är inte ett tal. Skriv till exempel 17 795,6 eller 13,1 mnkr.',
      });
    });

    it('procent i stället för belopp', () => {
      assert.deepEqual(fel({ utfall_ack: '107 %' }), { utfall_ack: 'Utfall t.o.m.: skriv ett belopp i tkr, inte procent' });
    });

    it('orimligt stora belopp, åt båda hållen', () => {
      assert.deepEqual(fel({ utfall_ack: '2 000 000 000' }), {
        utfall_ack: 'Utfall t.o.m.: 2 000 000 000 tkr är orimligt stort; belopp anges i tkr (tusen kronor)',
      });
      assert.deepEqual(fel({ prognos_helar: '-1 000 000 mnkr' }), {
        prognos_helar: 'Helårsprognos: -1 000 000 000 tkr är orimligt stort; belopp anges i tkr (tusen kronor)',
      });
      ok({ utfall_ack: '999 999 999', kommentar: 'Orimligt, men inom gränsen' });
    });

    it('negativ budget t.o.m. mot en positiv årsbudget vägras; negativa nettobudgetar på båda ställena går', () => {
      assert.deepEqual(fel({ budget_ack: '-500' }), {
        budget_ack:
          'Budget t.o.m.: -500 tkr har annat tecken än årsbudgeten (24 000 tkr). Kostnader skrivs som positiva tal; bara en enhet med nettointäkter har negativ budget.',
      });
      ok({ budget_ack: '-500', utfall_ack: '-550', budget_helar: '-600', prognos_helar: '-600' });
      ok({ utfall_ack: '-20' });
    });

    it('en budget t.o.m. större än årsbudgeten är en varning, inte ett fel', () => {
      const g = ok({ budget_ack: '25 000', utfall_ack: '25 000' });
      assert.deepEqual(g.varningar.map(läsbar), [
        'Budget t.o.m. (25 000 tkr) är större än årsbudgeten (24 000 tkr). Kontrollera beloppen och korrigera vid behov.',
      ]);
    });

    it('värden som inte är text (ett förfalskat anrop) ger fel, inte ett undantag', () => {
      assert.deepEqual(fel({ utfall_ack: { $gt: 1 } }), { utfall_ack: 'Utfall t.o.m.: ogiltigt värde' });
      assert.equal(granskaUtfall(null, { register: reg, anvandare: alex, nu: NU }).ok, false);
    });
  });

  describe('period', () => {
    it('fel format', () => {
      assert.deepEqual(fel({ period: '2025-13' }), { period: 'Period: "2025-13" ska skrivas ÅÅÅÅ-MM, t.ex. 2025-11' });
      assert.deepEqual(fel({ period: 'november' }), { period: 'Period: "november" ska skrivas ÅÅÅÅ-MM, t.ex. 2025-11' });
      assert.deepEqual(fel({ period: '2025-1' }), { period: 'Period: "2025-1" ska skrivas ÅÅÅÅ-MM, t.ex. 2025-11' });
    });

    it('tom', () => {
      assert.deepEqual(fel({ period: '' }), { period: 'Period: välj vilken månad siffrorna gäller' });
    });

    it('i framtiden; innevarande månad går', () => {
      assert.deepEqual(fel({ period: '2026-03' }), {
        period: 'Perioden 2026-03 ligger i framtiden. Välj december 2025 eller en tidigare månad.',
      });
      ok({ period: '2025-12' });
    });

    it('alldeles för långt tillbaka', () => {
      assert.deepEqual(fel({ period: '1999-12' }), { period: 'Period: 1999-12 är för långt tillbaka' });
    });
  });

  describe('enhet och behörighet', () => {
    it('tom och okänd enhet', () => {
      assert.deepEqual(fel({ enhet: '' }), { enhet: 'Enhet: välj vilken enhet siffrorna gäller' });
      assert.deepEqual(fel({ enhet: 'simhallen' }), { enhet: 'Enhet: okänd enhet "simhallen"' });
    });

    it('en enhet utanför controllerns område', () => {
      assert.deepEqual(fel({ enhet: 'bn' }), {
        enhet:
          'Enhet: Du kan inte rapportera för Bildningsnämnden; du är controller för Socialnämnden. Det kan Isaiah Langer (controller) och Adele Vance (admin).',
      });
    });

    it('en chef och en okänd användare', () => {
      assert.deepEqual(fel({}, reg.anvandare.get('megan')), {
        enhet:
          'Enhet: Tyvärr kan du inte rapportera för Barn och unga: det gör controllers för enheten och administratörer. Det kan Alex Wilber (controller) och Adele Vance (admin). Du kan fortfarande fråga om siffrorna, till exempel "hur ligger Barn och unga mot budget?".',
      });
      assert.deepEqual(fel({}, undefined), {
        enhet:
          'Enhet: Jag känner inte igen dig som användare i Budgetkollen, så du kan läsa siffror men inte rapportera. Be en administratör (Adele Vance) att lägga upp dig.',
      });
    });

    it('admin får rapportera för alla enheter; controllern för allt under sina enheter', () => {
      assert.ok(granskaUtfall(form({ enhet: 'bn' }), { register: reg, anvandare: reg.anvandare.get('adele'), nu: NU }).ok);
      ok({ enhet: 'hemtjanst' });
      ok({ enhet: 'sn' });
    });
  });

  describe('kommentar', () => {
    it('krävs vid underskott från varningsgränsen, som ärvs från närmaste förälder (IFO 101 %)', () => {
      assert.equal(varningsgrans(reg, 'bou'), 101);
      assert.equal(varningsgrans(reg, 'hemtjanst'), 102);
      // 22 680 / 21 974 = 103,2 %
      assert.deepEqual(fel({ utfall_ack: '22 680' }), {
        kommentar:
          'Kommentar krävs när underskottet är över varningsgränsen (103,2 % av budget; varning från 101 %). Skriv kort vad underskottet beror på.',
      });
      ok({ utfall_ack: '22 680', kommentar: 'Två nya HVB-placeringar' });
      // 22 150 / 21 974 = 100,8 %: under IFO:s gräns
      ok({ utfall_ack: '22 150' });
      // Hemtjänst ärver standardgränsen 102 %: 101,5 % kräver ingen kommentar, 102,5 % gör det
      ok({ enhet: 'hemtjanst', budget_ack: '1000', utfall_ack: '1015' });
      assert.deepEqual(fel({ enhet: 'hemtjanst', budget_ack: '1000', utfall_ack: '1025' }), {
        kommentar:
          'Kommentar krävs när underskottet är över varningsgränsen (102,5 % av budget; varning från 102 %). Skriv kort vad underskottet beror på.',
      });
    });

    it('gränsen gäller lika för enheter med negativ nettobudget', () => {
      assert.equal(overVarningsgransen(-1000, -900, 102), true);
      assert.equal(overVarningsgransen(-1000, -990, 102), false);
      assert.equal(overVarningsgransen(0, 10, 102), true);
      assert.equal(overVarningsgransen(1000, 900, 102), false);
    });

    it('får vara högst 2 000 tecken', () => {
      assert.deepEqual(fel({ kommentar: 'x'.repeat(2345) }), { kommentar: 'Kommentar: högst 2 000 tecken (du skrev 2 345)' });
    });

    it('varje fält får sitt eget meddelande i samma svar', () => {
      assert.deepEqual(Object.keys(fel({ enhet: 'bn', period: '2026-01', budget_ack: '', utfall_ack: 'x' })).sort(), [
        'budget_ack',
        'enhet',
        'period',
        'utfall_ack',
      ]);
    });
  });
});

describe('rapportering: granskning av en åtgärd från kortet', () => {
  const atgard: Atgard = {
    enhet: 'ifo',
    nr: 2,
    atgard: 'Hemmaplanslösningar',
    ansvarig: 'IFO-chef',
    tidplan: '2025',
    uppfoljning: 'Månadsvis',
    kategori: 'A',
    status: 'pågår',
    kommentar: null,
    plan: { 2024: 100, 2025: 500, 2026: 500 },
    utfall: { 2024: 80 },
    version: 1,
    andrad_av: 'import',
    andrad: '2025-12-01T10:00:00.000Z',
  };
  const granska = (andrat: Record<string, unknown>) =>
    granskaAtgard({ status: 'pågår', ar: '2025', besparing: '300', kommentar: '', ...andrat }, { atgard, nu: NU });
  const felA = (andrat: Record<string, unknown>) => {
    const g = granska(andrat);
    assert.equal(g.ok, false, 'väntade fel');
    return Object.fromEntries(Object.entries(g.ok ? {} : g.fel).map(([k, v]) => [k, läsbar(v as string)]));
  };

  it('tar emot status, år och besparing', () => {
    const g = granska({ status: 'Genomförd', besparing: '0,35 mnkr' });
    assert.ok(g.ok);
    assert.deepEqual(g.varden, { status: 'genomförd', ar: '2025', besparing: 350, kommentar: null });
    const tom = granska({ besparing: '' });
    assert.ok(tom.ok);
    assert.equal(tom.varden.besparing, null);
  });

  it('status: tom och okänd', () => {
    assert.deepEqual(felA({ status: '' }), { status: 'Status: välj en status' });
    assert.deepEqual(felA({ status: 'klar' }), {
      status: 'Status: "klar" är ingen giltig status. Välj ej påbörjad, pågår, försenad, genomförd eller avbruten.',
    });
  });

  it('realiserad besparing: text, negativ, orimlig', () => {
    assert.deepEqual(felA({ besparing: 'mycket' }), {
      besparing: 'Realiserad besparing: "mycket" är inte ett tal. Skriv till exempel 17 795,6 eller 13,1 mnkr.',
    });
    assert.deepEqual(felA({ besparing: '-50' }), {
      besparing: 'Realiserad besparing: kan inte vara negativ (-50 tkr). Skriv 0 om åtgärden inte har gett någon besparing.',
    });
    assert.deepEqual(felA({ besparing: '5 000 000 mnkr' }), {
      besparing: 'Realiserad besparing: 5 000 000 000 tkr är orimligt stort; belopp anges i tkr (tusen kronor)',
    });
  });

  it('år: fel format, i framtiden, före planen, saknas när besparing anges', () => {
    assert.deepEqual(felA({ ar: '25' }), { ar: 'År: "25" ska vara ett årtal, t.ex. 2025' });
    assert.deepEqual(felA({ ar: '2026' }), { ar: 'År: 2026 har inte börjat; realiserad besparing anges för 2025 eller tidigare år' });
    assert.deepEqual(felA({ ar: '2019' }), { ar: 'År: 2019 ligger före åtgärdsplanens första år (2024)' });
    assert.deepEqual(felA({ ar: '' }), { ar: 'År: välj vilket år besparingen gäller' });
  });

  it('kommentar krävs när åtgärden är försenad eller avbruten', () => {
    assert.deepEqual(felA({ status: 'försenad' }), {
      kommentar: 'Kommentar krävs när åtgärden är försenad: skriv kort varför och vad som händer nu.',
    });
    assert.deepEqual(felA({ status: 'avbruten' }), {
      kommentar: 'Kommentar krävs när åtgärden är avbruten: skriv kort varför och vad som händer nu.',
    });
    assert.ok(granska({ status: 'försenad', kommentar: 'Rekryteringen drog ut på tiden' }).ok);
  });
});
