// Working days over real Swedish calendars (date-holidays' SE data), the deadlines built on them, and local
// time in Europe/Stockholm across the changes to and from summer time.
import assert from 'node:assert/strict';
import { arArbetsdag, arbetsdagIManad, arbetsdagarFore, helgdag, laddaHelgdagar } from '../../src/domain/arbetsdagar.js';
import { Register } from '../../src/domain/register.js';
import { aktuellFrist, fristFor, tolkaFrist } from '../../src/domain/rapporteringsplan.js';
import { type Dokument, type Rapporteringsplan, tomtDokument } from '../../src/domain/schema.js';
import { datumText, lokaltid, ogonblick } from '../../src/domain/tidszon.js';

function plan(p: Partial<Rapporteringsplan> & { enhet: string }): Rapporteringsplan {
  return {
    period: null,
    frist: 'arbetsdag',
    arbetsdag: 5,
    datum: null,
    uppehall: [],
    paminn_dagar: null,
    klockslag: null,
    andrad_av: 'test',
    andrad: '2025-01-01T00:00:00.000Z',
    ...p,
  };
}

function register(planer: Rapporteringsplan[]): Register {
  const dok: Dokument = {
    ...tomtDokument(),
    enheter: [
      { id: 'k', namn: 'Kommunen', typ: 'kommun', foralder: null, alias: [] },
      { id: 'sn', namn: 'Socialnämnden', typ: 'nämnd', foralder: 'k', alias: [] },
      { id: 'ifo', namn: 'IFO', typ: 'verksamhetsområde', foralder: 'sn', alias: [] },
      { id: 'bn', namn: 'Bildningsnämnden', typ: 'nämnd', foralder: 'k', alias: [] },
      { id: 'skola', namn: 'Skola', typ: 'verksamhet', foralder: 'bn', alias: [] },
    ],
    rapporteringsplaner: planer,
  };
  return new Register(dok);
}

before(() => laddaHelgdagar());

describe('arbetsdagar i svensk kalender', () => {
  it('helgdagar och aftnar 2025 och 2026 är inga arbetsdagar; vanliga vardagar är det', () => {
    const lediga = {
      '2025-01-01': 'nyårsdagen',
      '2025-01-06': 'trettondedag jul',
      '2025-04-18': 'långfredagen',
      '2025-04-21': 'annandag påsk',
      '2025-05-01': 'första maj',
      '2025-05-29': 'Kristi himmelsfärdsdag',
      '2025-06-06': 'nationaldagen',
      '2025-06-20': 'midsommarafton',
      '2025-12-24': 'julafton',
      '2025-12-25': 'juldagen',
      '2025-12-26': 'annandag jul',
      '2025-12-31': 'nyårsafton',
      '2026-01-01': 'nyårsdagen',
      '2026-01-06': 'trettondedag jul',
      '2026-05-14': 'Kristi himmelsfärdsdag',
      '2026-06-19': 'midsommarafton',
      '2026-12-24': 'julafton',
    };
    for (const [dag, namn] of Object.entries(lediga)) {
      assert.equal(arArbetsdag(dag), false, dag);
      assert.equal(helgdag(dag), namn, dag);
    }
    // a Wednesday before Kristi himmelfärd, the Friday after it, a Monday after midsommar, 2 January 2026
    for (const dag of ['2025-05-28', '2025-05-30', '2025-06-23', '2026-01-02', '2026-05-15', '2026-06-22'])
      assert.equal(arArbetsdag(dag), true, dag);
    assert.equal(arArbetsdag('2025-06-21'), false, 'midsommardagen är en lördag');
    assert.equal(arArbetsdag('2026-01-03'), false, 'lördag');
  });

  it('arbetsdag n i en månad hoppar över helger och helgdagar', () => {
    // January 2026: Thu 1 nyårsdagen, Fri 2, Mon 5, Tue 6 trettondedag jul, Wed 7, Thu 8, Fri 9
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((n) => arbetsdagIManad('2026-01', n)),
      ['2026-01-02', '2026-01-05', '2026-01-07', '2026-01-08', '2026-01-09'],
    );
    // June 2025: Fri 6 nationaldagen; Fri 20 midsommarafton
    assert.equal(arbetsdagIManad('2025-06', 5), '2025-06-09');
    assert.equal(arbetsdagIManad('2025-06', 14), '2025-06-23');
    // June 2026: Fri 19 midsommarafton
    assert.equal(arbetsdagIManad('2026-06', 14), '2026-06-18');
    assert.equal(arbetsdagIManad('2026-06', 15), '2026-06-22');
    // Kristi himmelfärd 2026 is Thursday 14 May
    assert.equal(arbetsdagIManad('2026-05', 8), '2026-05-13');
    assert.equal(arbetsdagIManad('2026-05', 9), '2026-05-15');
    // December 2025: 24-26 off, 27-28 weekend, 31 nyårsafton; the 18th working day is Monday 29
    assert.equal(arbetsdagIManad('2025-12', 17), '2025-12-23');
    assert.equal(arbetsdagIManad('2025-12', 18), '2025-12-29');
    assert.equal(arbetsdagIManad('2025-12', 19), '2025-12-30');
    assert.equal(arbetsdagIManad('2025-12', 20), '2026-01-02', 'nyårsafton and nyårsdagen are off: December has 19');
  });

  it('arbetsdagar före ett datum räknas bakåt över helgdagar', () => {
    assert.equal(arbetsdagarFore('2026-01-09', 3), '2026-01-05');
    assert.equal(arbetsdagarFore('2026-01-07', 3), '2025-12-30');
    assert.equal(arbetsdagarFore('2025-05-30', 1), '2025-05-28');
    assert.equal(arbetsdagarFore('2025-06-23', 1), '2025-06-19');
  });
});

describe('rapporteringsfrister', () => {
  it('arbetsdag 5 i månaden efter, med påminnelser från tre arbetsdagar före, kl. 08:00', () => {
    const reg = register([plan({ enhet: 'k' })]);
    assert.deepEqual(fristFor(reg, 'skola', '2025-12'), {
      typ: 'frist',
      period: '2025-12',
      sistaDag: '2026-01-09',
      paminnFran: '2026-01-05',
      klockslag: '08:00',
      regelFran: 'k',
    });
    // May 2025's report: June has nationaldagen on Friday 6
    assert.equal((fristFor(reg, 'skola', '2025-05') as { sistaDag: string }).sistaDag, '2025-06-09');
  });

  it('en nämnd med egen frist: den gäller allt under nämnden, de andra följer kommunens', () => {
    const reg = register([plan({ enhet: 'k' }), plan({ enhet: 'sn', arbetsdag: 3, klockslag: '07:30' })]);
    const sn = fristFor(reg, 'ifo', '2025-12');
    assert.deepEqual(sn, {
      typ: 'frist',
      period: '2025-12',
      sistaDag: '2026-01-07',
      // three working days before is 30 December, but reminders wait for the month to have closed
      paminnFran: '2026-01-02',
      klockslag: '07:30',
      regelFran: 'sn',
    });
    assert.equal((fristFor(reg, 'skola', '2025-12') as { sistaDag: string }).sistaDag, '2026-01-09');
  });

  it('juli utan rapportering: ingen frist för juli, och augusti påminner fortfarande om juni om den saknas', () => {
    const reg = register([plan({ enhet: 'k', uppehall: [7] })]);
    assert.deepEqual(fristFor(reg, 'skola', '2025-07'), { typ: 'ingen', period: '2025-07', regelFran: 'k' });
    assert.equal(fristFor(reg, 'skola', '2025-08')?.typ, 'frist');
    assert.equal(aktuellFrist(reg, 'skola', '2025-08-12')?.period, '2025-06');
    assert.equal(aktuellFrist(reg, 'skola', '2025-09-08')?.period, '2025-08');
  });

  it('ett datum för en månad går före regeln för varje månad; ingen regel alls ger ingen frist', () => {
    const reg = register([
      plan({ enhet: 'k' }),
      plan({ enhet: 'k', period: '2025-11', frist: 'datum', arbetsdag: null, datum: '2025-12-12' }),
    ]);
    const f = fristFor(reg, 'ifo', '2025-11') as { sistaDag: string; paminnFran: string };
    assert.equal(f.sistaDag, '2025-12-12');
    assert.equal(f.paminnFran, '2025-12-09');
    assert.equal((fristFor(reg, 'ifo', '2025-10') as { sistaDag: string }).sistaDag, '2025-11-07');
    assert.equal(fristFor(register([]), 'ifo', '2025-11'), null);
  });

  it('fristen som den skrivs', () => {
    assert.deepEqual(tolkaFrist('arbetsdag 5'), { ok: true, frist: { frist: 'arbetsdag', arbetsdag: 5, datum: null } });
    assert.deepEqual(tolkaFrist('5:e arbetsdagen'), { ok: true, frist: { frist: 'arbetsdag', arbetsdag: 5, datum: null } });
    assert.deepEqual(tolkaFrist('2025-12-05'), { ok: true, frist: { frist: 'datum', arbetsdag: null, datum: '2025-12-05' } });
    assert.deepEqual(tolkaFrist('ingen'), { ok: true, frist: { frist: 'ingen', arbetsdag: null, datum: null } });
    assert.match((tolkaFrist('2025-02-30') as { fel: string }).fel, /inget giltigt datum/);
    assert.match((tolkaFrist('arbetsdag 40') as { fel: string }).fel, /mellan 1 och 23/);
    assert.match((tolkaFrist('snart') as { fel: string }).fel, /ingen frist/);
  });
});

describe('svensk tid', () => {
  it('08:00 är 07:00Z på vintern och 06:00Z på sommaren, också dagarna då klockan ställs om', () => {
    assert.equal(ogonblick('2026-01-09', '08:00').toISOString(), '2026-01-09T07:00:00.000Z');
    assert.equal(ogonblick('2026-03-29', '08:00').toISOString(), '2026-03-29T06:00:00.000Z', 'sommartid börjar 29 mars 2026');
    assert.equal(ogonblick('2026-03-27', '08:00').toISOString(), '2026-03-27T07:00:00.000Z');
    assert.equal(ogonblick('2025-10-26', '08:00').toISOString(), '2025-10-26T07:00:00.000Z', 'vintertid börjar 26 oktober 2025');
    assert.equal(ogonblick('2025-10-24', '08:00').toISOString(), '2025-10-24T06:00:00.000Z');
    assert.deepEqual(lokaltid(new Date('2026-03-30T05:59:00Z')), { datum: '2026-03-30', minut: 7 * 60 + 59 });
    assert.deepEqual(lokaltid(new Date('2025-12-31T23:30:00Z')), { datum: '2026-01-01', minut: 30 });
    assert.equal(datumText('2026-01-09'), 'fredag 9 januari');
  });
});
