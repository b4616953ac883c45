import assert from 'node:assert/strict';
import { besvara } from '../../src/answers/besvara.js';
import { andelText } from '../../src/answers/nedbrytning.js';
import { kortKommentar } from '../../src/answers/status.js';
import type { Svarsmiljo } from '../../src/answers/svar.js';
import { Register } from '../../src/domain/register.js';
import { type Atgard, type Dokument, type Enhet, type Nyckeltal, type Utfall, tomtDokument } from '../../src/domain/schema.js';
import { formatMnkr } from '../../src/domain/tal.js';
import { Enhetsindex } from '../../src/language/enheter.js';
import { ordlikhet } from '../../src/language/namnmatchning.js';
import { tolkaPeriod } from '../../src/language/perioder.js';
import { ord } from '../../src/language/normalisera.js';
import { SKYDDADE_ORD, tolkaFraga } from '../../src/language/tolka.js';

/**
 * Issue 13, class by class, on a made-up municipality (Ekby) whose names are its own: none of them is in a word
 * list in src/, so what is found is found from the data.
 */
const NU = '2025-02';
const TID = '2025-02-14T10:00:00.000Z';

function enhet(id: string, namn: string, typ: Enhet['typ'], foralder: string | null, alias: string[] = []): Enhet {
  return { id, namn, typ, foralder, alias };
}
function utfall(enhetId: string, period: string, budget: number, utfall_: number, kommentar = ''): Utfall {
  return {
    enhet: enhetId,
    period,
    budget_ack: budget,
    utfall_ack: utfall_,
    budget_helar: budget,
    prognos_helar: null,
    kommentar,
    kalla: 'test',
    version: 1,
    rapporterad: TID,
    rapporterad_av: 'import',
  } as Utfall;
}
function kpi(enhetId: string, period: string, namn: string, varde: number, mal: number | null = null): Nyckeltal {
  return { enhet: enhetId, period, nyckeltal: namn.toLowerCase(), varde, mal };
}
function atgard(enhetId: string, nr: number, namn: string, plan: Record<string, number> = {}, status: Atgard['status'] = 'pågår'): Atgard {
  return {
    enhet: enhetId,
    nr,
    atgard: namn,
    ansvarig: '',
    tidplan: '',
    uppfoljning: '',
    kategori: 'A',
    status,
    kommentar: '',
    plan,
    utfall: {},
    version: 1,
    andrad_av: 'import',
    andrad: TID,
  } as Atgard;
}

function ekby(): Dokument {
  const dok = tomtDokument();
  dok.enheter.push(
    enhet('ekby', 'Ekby kommun', 'kommun', null),
    enhet('omsn', 'Omsorgsnämnden', 'nämnd', 'ekby', ['ON']),
    enhet('dvb', 'Daglig verksamhet för barn', 'verksamhet', 'omsn'),
    enhet('dvv', 'Daglig verksamhet för vuxna', 'verksamhet', 'omsn'),
    enhet('htj', 'Hemtjänst Ekby', 'verksamhet', 'omsn'),
    enhet('rtj', 'Räddningstjänst', 'verksamhet', 'ekby'),
    enhet('vatten', 'Vattenverket', 'verksamhet', 'ekby'),
  );
  dok.utfall.push(
    utfall(
      'dvb',
      '2024-12',
      10_000,
      10_420,
      'Fler barn än planerat. Två nya placeringar under hösten som inte fanns i budgeten när den antogs av nämnden i december.',
    ),
    utfall('dvv', '2024-12', 20_000, 21_300),
    utfall('htj', '2024-12', 50_000, 49_100),
    utfall('rtj', '2024-12', 12_000, 12_050),
    utfall('vatten', '2024-12', -2_000, -1_500),
    utfall('dvb', '2023-12', 9_500, 10_400),
  );
  dok.nyckeltal.push(
    kpi('omsn', '2024-12', 'Andel behöriga lärare', 81.5),
    kpi('omsn', '2023-12', 'Andel behöriga lärare', 78),
    kpi('omsn', '2024-12', 'Antal placeringsdygn', 1_240),
    kpi('omsn', '2024-12', 'Långtidssjukfrånvaro', 4.1, 3),
    kpi('omsn', '2024-12', 'Personalomsättning', 9.5),
    kpi('omsn', '2023-12', 'Personalomsättning', 11),
  );
  dok.atgarder.push(
    atgard('omsn', 1, 'Medicinrobotar i hemtjänst', { '2025': 440 }),
    atgard('omsn', 2, 'Översyn av bemanningen natt', {}, 'genomförd'),
  );
  return dok;
}

describe('förståelse (issue 13): en kommuns egna namn, årssiffror och vanlig svenska', () => {
  const reg = new Register(ekby());
  const index = new Enhetsindex(reg, SKYDDADE_ORD);
  const m = (kontext?: Svarsmiljo['kontext']): Svarsmiljo => ({ register: reg, index, nu: NU, idag: new Date(TID), kontext });
  const fraga = (text: string) => tolkaFraga(text, index, NU);
  const svar = (text: string) => {
    const r = besvara(text, m());
    assert.equal(r.typ, 'svar');
    return r.typ === 'svar'
      ? r.svar.text
          .replace(/[\u00a0\u202f]/g, ' ')
          .replace(/\u2212/g, '-')
          .replace(/\*\*/g, '')
      : '';
  };

  describe('1. datans egna ord: nyckeltal och åtgärder på sina egna namn', () => {
    for (const [text, namn] of [
      ['lärarbehörigheten', 'andel behöriga lärare'],
      ['andel behoriga larare', 'andel behöriga lärare'],
      ['andel behöriga lärrae', 'andel behöriga lärare'],
      ['qualified teachers', 'andel behöriga lärare'],
      ['placeringsdygnen i omsorgsnämnden', 'antal placeringsdygn'],
      ['långtidssjukskrivningarna', 'långtidssjukfrånvaro'],
      ['den långa sjukfrånvaron', 'långtidssjukfrånvaro'],
      ['long-term sick leave', 'långtidssjukfrånvaro'],
      ['staff turnover', 'personalomsättning'],
    ])
      it(`"${text}" är ${namn}`, () => {
        const f = fraga(text);
        assert.equal(f.nyckeltal, namn);
        assert.equal(f.avsikt, 'nyckeltal');
      });

    it('en åtgärd på sina egna ord, också med en enhet i frågan', () => {
      assert.deepEqual(fraga('hur går medicinrobotarna?').atgardstraffar, [{ enhet: 'omsn', nr: 1 }]);
      const t = svar('hur mycket ska medicinrobotarna i hemtjänsten spara 2025?');
      assert.match(t, /Medicinrobotar i hemtjänst/);
      assert.match(t, /2025: 440 tkr/);
    });

    it('ordlikheten: böjning, sammansättning, stavfel med omkastade bokstäver', () => {
      assert.ok(ordlikhet('egenkontrollerna', 'egenkontroller') >= 0.95);
      assert.ok(ordlikhet('placeringsdygnen', 'placeringar') >= 0.8);
      assert.ok(ordlikhet('forksola', 'forskola') >= 0.8);
      assert.equal(ordlikhet('vadret', 'vatten'), 0);
    });
  });

  describe('2. vanliga ord är inga enheter, okända enheter sägs som de skrevs, annat avböjs', () => {
    it('"mot målet", "totalt", "hela förvaltningen" är frågans ord', () => {
      for (const text of ['hur ligger vi mot målet?', 'hur gick det totalt 2024?', 'hur gick hela förvaltningen i fjol?'])
        assert.equal(fraga(text).okantNamn, null, text);
      assert.equal(fraga('hur gick det totalt 2024?').helheten, true);
    });

    it('en enhet som inte finns: "X finns inte i uppföljningen", stavat som användaren skrev, utan siffror', () => {
      assert.equal(fraga('hur går det för Kultur- och fritidsnämnden?').okantNamn, 'Kultur- och fritidsnämnden');
      const t = svar('tekniska nämnden mot budget');
      assert.match(t, /^Tekniska nämnden finns inte i uppföljningen/);
      assert.doesNotMatch(t, /tkr/);
    });

    it('en vanlig synonym hittar kommunens eget namn: brandkåren är Räddningstjänst', () => {
      assert.deepEqual(
        fraga('hur gick brandkåren 2024?').enheter.map((e) => e.id),
        ['rtj'],
      );
    });

    it('något helt annat får "det svarar jag inte på" med exempel, aldrig en åtgärd eller enhet på ett löst ord', () => {
      for (const text of ['vad blir vädret imorgon?', 'vem vann melodifestivalen?', 'skriv en dikt om budgeten']) {
        assert.equal(fraga(text).utanfor, true, text);
        const t = svar(text);
        assert.match(t, /Det svarar jag inte på/);
        assert.match(t, /Prova till exempel/);
        assert.doesNotMatch(t, /tkr|Medicinrobotar/);
      }
    });
  });

  describe('3. tvetydiga namn avgörs av frågans övriga ord', () => {
    it('"daglig verksamhet för barn" och "… för vuxna"', () => {
      assert.deepEqual(
        fraga('hur gick daglig verksamhet för vuxna?').enheter.map((e) => e.id),
        ['dvv'],
      );
      assert.deepEqual(
        fraga('daglig verksamhet barn mot daglig verksamhet vuxna').enheter.map((e) => e.id),
        ['dvb', 'dvv'],
      );
      assert.equal(fraga('hur gick daglig verksamhet?').tvetydiga.length, 1);
    });
  });

  describe('4. årssiffror: helåret, och jämförelser mellan år', () => {
    it('"sedan 2022" är året att jämföra med, "året innan" året före', () => {
      assert.equal(tolkaPeriod(ord('har X blivit bättre sedan 2022?'), NU).jamforAr, 2022);
      assert.equal(tolkaPeriod(ord('gick X bättre 2024 än året innan?'), NU).jamforAr, 'foregaende');
      assert.equal(tolkaPeriod(ord('gick X bättre 2024 än året innan?'), NU).period, '2024-12');
    });

    it('ett år med bara december är helåret, aldrig "december 2024"', () => {
      const t = svar('hur gick hemtjänsten 2024?');
      assert.match(t, /Hemtjänst Ekby, helåret 2024/);
      assert.doesNotMatch(t, /december 2024/);
    });

    it('två år jämförs med ja eller nej och båda siffrorna; ett år som saknas sägs', () => {
      const t = svar('gick daglig verksamhet för barn bättre 2024 än året innan?');
      assert.match(t, /^Daglig verksamhet för barn helåret 2024 jämfört med helåret 2023/);
      assert.match(t, /Ja, Daglig verksamhet för barn gick bättre/);
      assert.match(t, /underskott 420 tkr/);
      assert.match(t, /underskott 900 tkr/);
      assert.match(svar('har hemtjänsten blivit bättre sedan 2022?'), /2022 saknas i uppföljningen/);
    });

    it('ett nyckeltal jämfört med året innan: ja eller nej och båda värdena', () => {
      const t = svar('har personalomsättningen ökat sedan förra året?');
      assert.match(t, /^Personalomsättning Omsorgsnämnden, 2024: 9,5 %/);
      assert.match(t, /Nej, personalomsättning har minskat från 11 % till 9,5 %/);
    });
  });

  describe('5. delar av en enhet och hela nivåer', () => {
    it('"vilka delar av X" rangordnar X:s egna delar, alla som kvalificerar', () => {
      const f = fraga('vilka delar av omsorgsnämnden gick över budget?');
      assert.equal(f.avsikt, 'rankning');
      assert.equal(f.delar, true);
      const t = svar('vilka delar av omsorgsnämnden gick över budget?');
      assert.match(t, /Daglig verksamhet för vuxna: -1 300 tkr underskott/);
      assert.match(t, /Daglig verksamhet för barn: -420 tkr underskott/);
      assert.doesNotMatch(t, /Hemtjänst/);
    });

    it('"visa alla verksamheter" visar nivån sida vid sida, underskott och överskott för sig', () => {
      const t = svar('visa alla verksamheter');
      assert.match(t, /Underskott:/);
      assert.match(t, /Överskott:/);
      assert.match(t, /Överskott:\s+1\. Hemtjänst Ekby \(Omsorgsnämnden\): \+900 tkr överskott/);
      assert.match(t, /Underskott:\s+1\. Daglig verksamhet för vuxna \(Omsorgsnämnden\): -1 300 tkr underskott/);
    });
  });

  describe('6. en lista eller en', () => {
    it('"vilka åtgärder har vi gjort?" vill ha listan, inte ett filter eller en enda', () => {
      const f = fraga('vilka åtgärder har vi gjort?');
      assert.equal(f.avsikt, 'atgarder');
      assert.equal(f.atgardsfilter, null);
      assert.deepEqual(f.atgardstraffar, []);
    });
  });

  describe('7. att säga det rätt', () => {
    it('"i mnkr", "i miljoner" svarar i mnkr med en decimal', () => {
      assert.equal(fraga('omsorgsnämndens underskott i miljoner').mnkr, true);
      assert.equal(formatMnkr(13_079).replace(/\u00a0/g, ' '), '13,1 mnkr');
      assert.match(svar('omsorgsnämnden 2024 i mnkr'), /underskott 0,8 mnkr/);
    });

    it('ingen procent av en budget som är noll eller negativ, och varför', () => {
      const t = svar('hur gick vattenverket 2024?');
      assert.doesNotMatch(t, /% av budget/);
      assert.match(t, /budgeten är negativ/);
    });

    it('en åtgärd utan belopp visar "–", aldrig "0 tkr"', () => {
      const t = svar('visa åtgärderna för omsorgsnämnden');
      assert.match(t, /Översyn av bemanningen natt: genomförd, kategori A; plan 2025 –/);
      assert.doesNotMatch(t, /(?<![\d ])0 tkr/);
    });

    it('listan över störst underskott har aldrig en enhet med överskott', () => {
      const t = svar('hur gick omsorgsnämnden 2024?');
      assert.match(t, /Störst underskott: Daglig verksamhet för vuxna -1 300 tkr, Daglig verksamhet för barn -420 tkr/);
      assert.match(t, /Störst överskott: Hemtjänst Ekby \+900 tkr/);
    });

    it('långa kommentarer kortas i statussvaret; delarnas andel är aldrig "0 %" för ett belopp', () => {
      assert.match(kortKommentar('Fler barn än planerat. Två nya placeringar.'), /^Fler barn än planerat\.$/);
      assert.ok(kortKommentar('a'.repeat(30) + ' ' + 'b'.repeat(80) + '.').endsWith('…'));
      assert.equal(andelText(0.2).replace(/\u00a0/g, ' '), '<1 %');
      assert.equal(andelText(55.4).replace(/\u00a0/g, ' '), '55 %');
    });
  });

  describe('8. frågor om datan', () => {
    it('"vilken period gäller siffrorna?" och "hur färska är siffrorna?" ger färskheten, ingen rangordning', () => {
      for (const text of ['vilken period gäller siffrorna?', 'hur färska är siffrorna?', 'när importerades siffrorna?']) {
        assert.equal(fraga(text).avsikt, 'farskhet', text);
        assert.match(svar(text), /helåret 2024/);
      }
    });
  });
});
