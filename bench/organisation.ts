import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Period, forskjut } from '../src/domain/period.js';
import { läsImportmapp } from '../src/store/import.js';
import { importera } from '../src/usecases/import.js';
import { type Fillagring, Store } from '../src/store/store.js';
import { Slump } from './prng.js';

/**
 * A deterministic synthetic municipality for the benchmark, written as the import folder's CSV files:
 * kommun → nämnder → förvaltning/verksamhetsområden → verksamheter → enheter, monthly figures for the
 * units that report (the leaves), measures with savings plans, KPIs per område, users with controllers.
 */

export interface Storlek {
  enheter: number;
  manader: number;
  atgarder: number;
  /** the last month with figures; the bench's clock is the month after */
  sista: Period;
  seed: number;
}

export type Typ = 'kommun' | 'nämnd' | 'förvaltning' | 'verksamhetsområde' | 'verksamhet' | 'enhet';

export interface GenEnhet {
  id: string;
  namn: string;
  typ: Typ;
  foralder: string | null;
  alias: string[];
  niva: number;
  /** the nämnd the unit belongs to (itself for a nämnd) */
  namnd: string | null;
}

export interface GenAnvandare {
  id: string;
  namn: string;
  roll: 'chef' | 'controller' | 'admin';
  enheter: string[];
}

export interface Organisation {
  storlek: Storlek;
  enheter: GenEnhet[];
  /** units that report their own figures */
  lov: GenEnhet[];
  perioder: Period[];
  anvandare: GenAnvandare[];
  /** the controller of each nämnd, by nämnd id */
  controllerFor: Map<string, GenAnvandare>;
  /** units with measures, and their measure titles */
  atgarder: Map<string, string[]>;
  /** units with KPIs */
  kpiEnheter: GenEnhet[];
  kpiNamn: string[];
  /** the figures written, per unit and month, for the submissions to build on */
  senaste: Map<string, { budget_ack: number; utfall_ack: number; budget_helar: number; prognos_helar: number }>;
  rader: { utfall: number; nyckeltal: number; atgarder: number };
  /** the import folder's files, as lines */
  csv: Record<string, string[]>;
}

interface Doman {
  omraden: Array<[string, string?]>;
  verksamheter: Array<[string, string?]>;
  enheter: string[];
}

const DOMANER: Record<string, Doman> = {
  social: {
    omraden: [
      ['Individ- och familjeomsorg', 'IFO'],
      ['Försörjning och arbete'],
      ['Barn och familj'],
      ['Vuxen och beroende'],
      ['Socialpsykiatri'],
    ],
    verksamheter: [
      ['Barn och unga', 'BoU'],
      ['Familjehemsvård'],
      ['Ekonomiskt bistånd'],
      ['Missbruksvård'],
      ['Öppenvård'],
      ['Socialt boende'],
      ['Flyktingmottagande'],
      ['Familjerätt'],
      ['Mottagning och utredning'],
    ],
    enheter: [
      'Familjebehandling',
      'Boendestöd',
      'Stödboende',
      'Utredningsgrupp',
      'Mottagningsenhet',
      'Fältgrupp',
      'Träfflokal',
      'Familjecentral',
    ],
  },
  omsorg: {
    omraden: [
      ['Vård och omsorg', 'VoO'],
      ['Äldreomsorg', 'ÄO'],
      ['Funktionsstöd', 'LSS'],
      ['Hälso- och sjukvård', 'HSL'],
      ['Myndighetsutövning omsorg'],
    ],
    verksamheter: [
      ['Hemtjänst'],
      ['Särskilt boende', 'SÄBO'],
      ['Korttidsvård'],
      ['Daglig verksamhet', 'DV'],
      ['Gruppbostäder'],
      ['Personlig assistans'],
      ['Hemsjukvård'],
      ['Rehabilitering'],
      ['Dagverksamhet för äldre'],
    ],
    enheter: [
      'Hemtjänst',
      'Äldreboendet',
      'Gruppbostad',
      'Servicebostad',
      'Korttidsboende',
      'Dagcenter',
      'Hemsjukvård',
      'Nattpatrull',
      'Trygghetsboende',
    ],
  },
  skola: {
    omraden: [['Grundskola', 'GR'], ['Förskola', 'FSK'], ['Elevhälsa'], ['Särskola'], ['Skolområde']],
    verksamheter: [
      ['Förskoleområde'],
      ['Grundskoleområde'],
      ['Fritidshem'],
      ['Centrala elevhälsan'],
      ['Modersmålsenheten'],
      ['Skolskjuts'],
      ['Pedagogisk omsorg'],
      ['Resursskola'],
    ],
    enheter: ['Förskolan', 'Skolan', 'Fritidshemmet', 'Familjedaghem', 'Öppna förskolan', 'Skolbiblioteket'],
  },
  gymnasie: {
    omraden: [['Gymnasieskola'], ['Vuxenutbildning', 'Komvux'], ['Yrkeshögskola', 'YH'], ['Svenska för invandrare', 'SFI']],
    verksamheter: [
      ['Naturvetenskapsprogrammet'],
      ['Yrkesprogram'],
      ['Introduktionsprogram'],
      ['Gymnasiesärskola'],
      ['Lärcentrum'],
      ['Studie- och yrkesvägledning'],
    ],
    enheter: ['Gymnasiet', 'Lärcentrum', 'Vuxenskolan', 'Yrkescentrum', 'Programgrupp'],
  },
  kultur: {
    omraden: [['Kultur'], ['Fritid'], ['Bibliotek'], ['Idrott och anläggningar']],
    verksamheter: [
      ['Kulturskolan'],
      ['Folkbiblioteket'],
      ['Fritidsgårdar'],
      ['Simhallar'],
      ['Idrottsplatser'],
      ['Allmänkultur'],
      ['Föreningsbidrag'],
      ['Museum'],
    ],
    enheter: ['Biblioteket', 'Fritidsgården', 'Simhallen', 'Idrottsplatsen', 'Kulturhuset', 'Ishallen', 'Ungdomens hus'],
  },
  teknik: {
    omraden: [['Gata och park'], ['Vatten och avlopp', 'VA'], ['Fastighet'], ['Renhållning'], ['Kost och lokalvård']],
    verksamheter: [
      ['Gatudrift'],
      ['Parkdrift'],
      ['Vattenverk'],
      ['Avloppsreningsverk'],
      ['Fastighetsförvaltning'],
      ['Måltidsverksamheten'],
      ['Lokalvård'],
      ['Vinterväghållning'],
      ['Fordonsverkstad'],
    ],
    enheter: [
      'Driftområde',
      'Tillagningskök',
      'Mottagningskök',
      'Lokalvårdsgrupp',
      'Reningsverket',
      'Vattenverket',
      'Parkenheten',
      'Förrådet',
    ],
  },
  miljo: {
    omraden: [['Miljö och bygg'], ['Plan och bygg'], ['Miljö och hälsoskydd'], ['Lantmäteri']],
    verksamheter: [
      ['Bygglov'],
      ['Miljöskydd'],
      ['Livsmedelskontroll'],
      ['Detaljplanering'],
      ['Kart och mät'],
      ['Tillsyn'],
      ['Energi- och klimatrådgivning'],
    ],
    enheter: ['Bygglovsgrupp', 'Inspektörsgrupp', 'Planenhet', 'Mätgrupp', 'Tillsynsgrupp'],
  },
  ks: {
    omraden: [['Kommunledningsförvaltningen', 'KLF'], ['Ekonomi'], ['HR'], ['Digitalisering och IT', 'IT'], ['Kommunikation']],
    verksamheter: [
      ['Ekonomiavdelningen'],
      ['Löneenheten'],
      ['HR-avdelningen'],
      ['IT-avdelningen'],
      ['Kansliet'],
      ['Upphandling'],
      ['Kontaktcenter'],
      ['Säkerhet och beredskap'],
      ['Näringsliv'],
    ],
    enheter: ['Servicecenter', 'Redovisningsgrupp', 'Lönegrupp', 'Supportgrupp', 'Registratur', 'Växeln', 'Arkivet'],
  },
  arbete: {
    omraden: [['Arbetsmarknad'], ['Integration'], ['Vuxenutbildning och arbete']],
    verksamheter: [['Arbetsmarknadsenheten'], ['Feriearbete'], ['Jobbcentrum'], ['Etableringsenheten'], ['Daglig sysselsättning']],
    enheter: ['Jobbtorget', 'Arbetslaget', 'Praktikgrupp', 'Second hand-butiken', 'Återbruket'],
  },
  service: {
    omraden: [['Samhällsbyggnad'], ['Räddningstjänst', 'RTJ'], ['Service och drift']],
    verksamheter: [['Räddningsstyrkan'], ['Förebyggande brandskydd'], ['Kost'], ['Plan/Fastighet'], ['Fritid och kultur'], ['Transport']],
    enheter: ['Brandstationen', 'Deltidsstyrkan', 'Kostenheten', 'Transportgruppen', 'Driftgruppen'],
  },
};

const NAMNDER: Array<{ namn: string; alias: string; doman: string }> = [
  { namn: 'Socialnämnden', alias: 'SN', doman: 'social' },
  { namn: 'Vård- och omsorgsnämnden', alias: 'VON', doman: 'omsorg' },
  { namn: 'Barn- och utbildningsnämnden', alias: 'BUN', doman: 'skola' },
  { namn: 'Gymnasie- och vuxenutbildningsnämnden', alias: 'GVN', doman: 'gymnasie' },
  { namn: 'Kultur- och fritidsnämnden', alias: 'KFN', doman: 'kultur' },
  { namn: 'Tekniska nämnden', alias: 'TN', doman: 'teknik' },
  { namn: 'Miljö- och byggnämnden', alias: 'MBN', doman: 'miljo' },
  { namn: 'Kommunstyrelsen', alias: 'KS', doman: 'ks' },
  { namn: 'Arbetsmarknadsnämnden', alias: 'AMN', doman: 'arbete' },
  { namn: 'Servicenämnden', alias: 'SeN', doman: 'service' },
];

const VADERSTRECK = ['Norr', 'Söder', 'Öster', 'Väster', 'Centrum', 'Ytterområdet', 'Nordost', 'Sydväst'];

export const PLATSER = [
  'Björkdalen',
  'Ekbacken',
  'Solbacka',
  'Granhult',
  'Lindås',
  'Strandby',
  'Västerby',
  'Österäng',
  'Kvarnbo',
  'Hagaby',
  'Berga',
  'Ringdal',
  'Tallmon',
  'Ängsvik',
  'Rosendal',
  'Mossberga',
  'Sjövik',
  'Lövåsen',
  'Bäckby',
  'Ekhagen',
  'Furulund',
  'Holmsund',
  'Kallhäll',
  'Lugnet',
  'Marieberg',
  'Norrby',
  'Nyhem',
  'Prästgården',
  'Runby',
  'Sandvik',
  'Skogsbacken',
  'Stenhagen',
  'Sörby',
  'Tuna',
  'Vallby',
  'Viksjö',
  'Åkerby',
  'Älvsby',
  'Ödeby',
  'Hammarby',
  'Kyrkbacken',
  'Gläntan',
  'Solgården',
  'Hästhagen',
  'Liljeholmen',
  'Brunnsvik',
  'Enbacken',
  'Fågelsången',
  'Gillberga',
  'Hjortlund',
  'Igelbäcken',
  'Juniberg',
  'Karlslund',
  'Lillån',
  'Myrtorp',
  'Näsby',
  'Oxelby',
  'Pilgården',
  'Rågsved',
  'Stensund',
  'Torpa',
  'Ugglebo',
  'Vretby',
  'Yxlan',
  'Åsen',
  'Ängby',
  'Östanå',
  'Alby',
  'Bredäng',
  'Dalby',
  'Eriksberg',
  'Flemingsberg',
  'Grönby',
  'Hedby',
  'Ingeby',
  'Järla',
  'Kärrby',
  'Lundby',
  'Malmby',
  'Nolby',
];

const ATGARDSTITLAR = [
  'Minska övertid och mertid genom översyn av scheman',
  'Bemanning utifrån nyckeltal',
  'Avveckla inhyrd personal',
  'Digitala möten i stället för resor',
  'Se över lokalbehovet och säga upp lokaler',
  'Samordna inköp och upphandling',
  'Minska sjukfrånvaron genom tidig rehabilitering',
  'Heltid som norm',
  'Införa digital tillsyn nattetid',
  'Hemtagning av externa placeringar',
  'Öka andelen familjehem i egen regi',
  'Resursfördelning efter behov',
  'Energieffektivisering i kommunens fastigheter',
  'Samordnad varuförsörjning',
  'Minskat matsvinn',
  'Vakansprövning av tjänster',
  'Omförhandla leasingavtal',
  'Medicinrobotar i hemtjänsten',
  'Planeringsverktyg för hemtjänsten',
  'Färre chefsnivåer',
  'Gemensam bemanningsenhet',
  'Minska användningen av timvikarier',
  'Sänkta kostnader för skolskjuts',
  'Samlokalisering av verksamheter',
  'Översyn av avgifter och taxor',
  'Minska försörjningsstödet genom arbetsmarknadsinsatser',
  'Ökad självkostnadstäckning',
  'Avveckla dubbelbemanning',
];

const KOMMENTARER = [
  'Sent inkomna fakturor för institutionsvård.',
  'Högre kostnader för inhyrd personal under sommaren.',
  'Vakanta tjänster ger överskott.',
  'Ökade volymer jämfört med budget.',
  'Engångskostnad för reparation.',
  'Statsbidrag har bokförts i förskott.',
  'Periodiseringsfel rättat månaden efter.',
  'Fler placeringar än planerat.',
  'Lägre energikostnader än beräknat.',
  'Retroaktiv lönerevision har belastat månaden.',
];

export const KPI_NAMN = ['sjukfrånvaro', 'korttidsfrånvaro', 'personalomsättning'];

/** "17 795,6" for some rows and "17795,6" for others, as the people who fill in the files write. */
function belopp(v: number, slump: Slump): string {
  const avrundat = Math.round(v * 10) / 10;
  const [heltal, decimal] = Math.abs(avrundat).toFixed(1).split('.');
  const grupperat = slump.chans(0.5) ? heltal.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : heltal;
  return `${avrundat < 0 ? '-' : ''}${grupperat}${decimal === '0' ? '' : `,${decimal}`}`;
}

function genitiv(ord: string): string {
  return /[sxz]$/.test(ord) ? ord : `${ord}s`;
}

function fordela<T>(barn: T[], foraldrar: string[], slump: Slump): Map<string, T[]> {
  const ut = new Map<string, T[]>(foraldrar.map((f) => [f, []]));
  barn.forEach((b, i) => {
    // every parent gets one child first, then the rest at random: uneven, as real trees are
    const f = i < foraldrar.length ? foraldrar[i] : slump.val(foraldrar);
    ut.get(f)!.push(b);
  });
  return ut;
}

export function skapaOrganisation(storlek: Storlek): Organisation {
  const slump = new Slump(storlek.seed);
  const N = Math.max(5, storlek.enheter);
  const antalNamnder = Math.min(NAMNDER.length, Math.max(1, Math.round(N * 0.008)));
  const antalOmraden = Math.max(antalNamnder, Math.round(N * 0.035));
  const antalVerksamheter = Math.max(antalOmraden, Math.round(N * 0.15));
  const antalEnheter = Math.max(0, N - 1 - antalNamnder - antalOmraden - antalVerksamheter);

  const namn = new Set<string>();
  const unikt = (bas: string, tillagg: readonly string[]): string => {
    if (!namn.has(bas)) {
      namn.add(bas);
      return bas;
    }
    for (let i = 0; i < 20; i++) {
      const forslag = `${bas} ${slump.val(tillagg)}`;
      if (!namn.has(forslag)) {
        namn.add(forslag);
        return forslag;
      }
    }
    for (let i = 2; ; i++)
      if (!namn.has(`${bas} ${i}`)) {
        namn.add(`${bas} ${i}`);
        return `${bas} ${i}`;
      }
  };

  const enheter: GenEnhet[] = [
    { id: 'kommun', namn: 'Storvik kommun', typ: 'kommun', foralder: null, alias: ['Storvik'], niva: 0, namnd: null },
  ];
  namn.add('Storvik kommun');
  const namnder: GenEnhet[] = NAMNDER.slice(0, antalNamnder).map((n, i) => {
    namn.add(n.namn);
    return { id: `n${i + 1}`, namn: n.namn, typ: 'nämnd', foralder: 'kommun', alias: [n.alias], niva: 1, namnd: `n${i + 1}` };
  });
  enheter.push(...namnder);
  const doman = (e: GenEnhet) => DOMANER[NAMNDER[Number(e.namnd!.slice(1)) - 1].doman];

  const omradesPlatser = fordela(
    Array.from({ length: antalOmraden }, (_, i) => i),
    namnder.map((n) => n.id),
    slump,
  );
  const omraden: GenEnhet[] = [];
  for (const n of namnder) {
    const pool = doman(n).omraden;
    omradesPlatser.get(n.id)!.forEach((_, j) => {
      const [stam, alias] = pool[j % pool.length];
      const e: GenEnhet = {
        id: `o${omraden.length + 1}`,
        namn: unikt(stam, VADERSTRECK),
        typ: j === 0 && slump.chans(0.3) ? 'förvaltning' : 'verksamhetsområde',
        foralder: n.id,
        alias: [],
        niva: 2,
        namnd: n.id,
      };
      if (alias) e.alias.push(e.namn === stam ? alias : `${alias} ${e.namn.slice(stam.length + 1)}`);
      omraden.push(e);
    });
  }
  enheter.push(...omraden);

  const verksamhetsPlatser = fordela(
    Array.from({ length: antalVerksamheter }, (_, i) => i),
    omraden.map((o) => o.id),
    slump,
  );
  const verksamheter: GenEnhet[] = [];
  for (const o of omraden) {
    const pool = doman(o).verksamheter;
    const start = slump.heltal(0, pool.length - 1);
    verksamhetsPlatser.get(o.id)!.forEach((_, j) => {
      const [stam, alias] = pool[(start + j) % pool.length];
      const e: GenEnhet = {
        id: `v${verksamheter.length + 1}`,
        namn: unikt(stam, VADERSTRECK),
        typ: 'verksamhet',
        foralder: o.id,
        alias: [],
        niva: 3,
        namnd: o.namnd,
      };
      if (alias) e.alias.push(e.namn === stam ? alias : `${alias} ${e.namn.slice(stam.length + 1)}`);
      verksamheter.push(e);
    });
  }
  enheter.push(...verksamheter);

  const enhetsPlatser = fordela(
    Array.from({ length: antalEnheter }, (_, i) => i),
    verksamheter.map((v) => v.id),
    slump,
  );
  for (const v of verksamheter) {
    const pool = doman(v).enheter;
    for (const _ of enhetsPlatser.get(v.id)!) {
      let e: GenEnhet | null = null;
      for (let forsok = 0; forsok < 50 && !e; forsok++) {
        const stam = slump.val(pool);
        const plats = slump.val(PLATSER);
        const kandidat = `${stam} ${plats}`;
        if (namn.has(kandidat)) continue;
        namn.add(kandidat);
        // "Björkdalens hemtjänst" for "Hemtjänst Björkdalen"; not for names already in definite form
        const alias = !/(en|et|an)$/.test(stam) && slump.chans(0.3) ? [`${genitiv(plats)} ${stam.toLowerCase()}`] : [];
        e = { id: `e${enheter.length + 1}`, namn: kandidat, typ: 'enhet', foralder: v.id, alias, niva: 4, namnd: v.namnd };
      }
      e ??= {
        id: `e${enheter.length + 1}`,
        namn: unikt(`${slump.val(pool)} ${slump.val(PLATSER)}`, PLATSER),
        typ: 'enhet',
        foralder: v.id,
        alias: [],
        niva: 4,
        namnd: v.namnd,
      };
      enheter.push(e);
    }
  }

  const harBarn = new Set(enheter.map((e) => e.foralder).filter((f): f is string => f !== null));
  const lov = enheter.filter((e) => !harBarn.has(e.id));
  const perioder = Array.from({ length: storlek.manader }, (_, i) => forskjut(storlek.sista, i - storlek.manader + 1));

  // Figures: cumulative for the year, a yearly deviation per unit that drifts month by month.
  const utfallRader: string[] = ['enhet;period;budget_ack;utfall_ack;budget_helar;prognos_helar;kommentar'];
  const senaste = new Map<string, { budget_ack: number; utfall_ack: number; budget_helar: number; prognos_helar: number }>();
  for (const e of lov) {
    const bas = Math.round(2000 + slump.tal() * 60000);
    let arsavvikelse = 0;
    let utfallAck = 0;
    let budgetAck = 0;
    for (const p of perioder) {
      const ar_ = Number(p.slice(0, 4));
      const man = Number(p.slice(5, 7));
      const arsbudget = Math.round(bas * 1.03 ** (ar_ - 2020));
      if (man === 1 || p === perioder[0]) {
        arsavvikelse = 0.01 + slump.normal() * 0.04;
        utfallAck = 0;
        budgetAck = 0;
        for (let m = 1; m < man; m++) {
          budgetAck += arsbudget / 12;
          utfallAck += (arsbudget / 12) * (1 + arsavvikelse + slump.normal() * 0.03);
        }
      }
      const manadsbudget = (arsbudget / 12) * (man === 7 ? 0.7 : man === 12 ? 1.2 : 1.01);
      budgetAck += manadsbudget;
      utfallAck += manadsbudget * (1 + arsavvikelse + slump.normal() * 0.03);
      if (man === 12) budgetAck = arsbudget;
      const prognos = arsbudget * (1 + arsavvikelse * (0.5 + man / 24) + slump.normal() * 0.005);
      const kommentar = slump.chans(0.08) ? slump.val(KOMMENTARER) : '';
      utfallRader.push(
        [e.id, p, belopp(budgetAck, slump), belopp(utfallAck, slump), belopp(arsbudget, slump), belopp(prognos, slump), kommentar].join(
          ';',
        ),
      );
      senaste.set(`${e.id}|${p}`, { budget_ack: budgetAck, utfall_ack: utfallAck, budget_helar: arsbudget, prognos_helar: prognos });
    }
  }

  // KPIs per nämnd and område, every month.
  const kpiEnheter = [...namnder, ...omraden];
  const nyckeltalRader: string[] = ['enhet;period;nyckeltal;varde;mal'];
  for (const e of kpiEnheter) {
    const nivaer = [6 + slump.tal() * 4, 2 + slump.tal() * 2, 8 + slump.tal() * 8];
    for (const p of perioder) {
      KPI_NAMN.forEach((k, i) => {
        const varde = Math.max(0.1, nivaer[i] + slump.normal() * 0.6);
        const mal = i === 0 ? '7' : i === 1 ? '3' : '';
        nyckeltalRader.push([e.id, p, k, varde.toFixed(2).replace('.', ','), mal].join(';'));
      });
    }
  }

  // Measures: on the områden and about half the verksamheter, numbered per unit.
  const planenheter = [...omraden, ...verksamheter.filter(() => slump.chans(0.5))];
  const fordelade = fordela(
    Array.from({ length: storlek.atgarder }, (_, i) => i),
    planenheter.map((e) => e.id),
    slump,
  );
  const forstaAr = Number(perioder[Math.max(0, perioder.length - 24)].slice(0, 4));
  const sistaAr = Number(storlek.sista.slice(0, 4));
  const arLista = Array.from({ length: sistaAr - forstaAr + 2 }, (_, i) => forstaAr + i);
  const atgardRader: string[] = [
    [
      'enhet',
      'nr',
      'atgard',
      'ansvarig',
      'tidplan',
      'uppfoljning',
      'kategori',
      'status',
      'kommentar',
      ...arLista.map((a) => `plan_${a}`),
      ...arLista.map((a) => `utfall_${a}`),
    ].join(';'),
  ];
  const planRader: string[] = ['enhet;namn;sparbeting;angiven_summa'];
  const atgarder = new Map<string, string[]>();
  for (const e of planenheter) {
    const lista = fordelade.get(e.id)!;
    if (!lista.length) continue;
    const titlar: string[] = [];
    let summa = 0;
    lista.forEach((_, i) => {
      const titel =
        ATGARDSTITLAR[(i * 7 + Number(e.id.slice(1))) % ATGARDSTITLAR.length] + (i >= ATGARDSTITLAR.length ? ` (${i + 1})` : '');
      titlar.push(titel);
      const status = slump.val(['pågår', 'pågår', 'pågår', 'genomförd', 'försenad', 'ej påbörjad', 'avbruten'] as const);
      const plan = arLista.map((a) => (a <= sistaAr + 1 && slump.chans(0.8) ? belopp(50 + slump.tal() * 900, slump) : ''));
      const utfall = arLista.map((a, j) => (a <= sistaAr && plan[j] ? belopp(50 + slump.tal() * 700, slump) : ''));
      summa += plan.reduce((s, v) => s + (v ? Number(v.replace(/ /g, '').replace(',', '.')) : 0), 0);
      atgardRader.push(
        [
          e.id,
          String(i + 1),
          titel,
          'Verksamhetschef',
          `Q${slump.heltal(1, 4)} ${slump.val(arLista)}`,
          'Månadsvis i uppföljningen',
          slump.chans(0.25) ? 'B' : 'A',
          status,
          status === 'försenad' || status === 'avbruten' ? 'Beslut dröjer, ny tidplan tas fram.' : '',
          ...plan,
          ...utfall,
        ].join(';'),
      );
    });
    atgarder.set(e.id, titlar);
    planRader.push([e.id, `Åtgärdsplan för ${e.namn}`, belopp(summa * 0.95, slump), belopp(summa, slump)].join(';'));
  }

  // People: two admins, a controller per nämnd and per område, a chef per verksamhet.
  const fornamn = [
    'Anna',
    'Erik',
    'Maria',
    'Lars',
    'Karin',
    'Johan',
    'Eva',
    'Anders',
    'Sara',
    'Per',
    'Emma',
    'Mikael',
    'Lena',
    'Fredrik',
    'Ida',
    'Oskar',
  ];
  const efternamn = [
    'Andersson',
    'Johansson',
    'Karlsson',
    'Nilsson',
    'Eriksson',
    'Larsson',
    'Olsson',
    'Persson',
    'Svensson',
    'Gustafsson',
    'Lindberg',
    'Holm',
  ];
  const person = () => `${slump.val(fornamn)} ${slump.val(efternamn)}`;
  const anvandare: GenAnvandare[] = [
    { id: slump.guid(), namn: person(), roll: 'admin', enheter: ['kommun'] },
    { id: slump.guid(), namn: person(), roll: 'admin', enheter: ['kommun'] },
  ];
  const controllerFor = new Map<string, GenAnvandare>();
  for (const n of namnder) {
    const a: GenAnvandare = { id: slump.guid(), namn: person(), roll: 'controller', enheter: [n.id] };
    anvandare.push(a);
    controllerFor.set(n.id, a);
  }
  for (const o of omraden) anvandare.push({ id: slump.guid(), namn: person(), roll: 'controller', enheter: [o.id] });
  for (const v of verksamheter) anvandare.push({ id: slump.guid(), namn: person(), roll: 'chef', enheter: [v.id] });

  const trosklar = [
    'enhet;varning_procent;kritisk_procent;varning_prognos_tkr;kritisk_prognos_tkr',
    'kommun;102;105;-500;-2000',
    ...namnder.map((n) => `${n.id};101;103;-250;-1000`),
  ];

  return {
    storlek,
    enheter,
    lov,
    perioder,
    anvandare,
    controllerFor,
    atgarder,
    kpiEnheter,
    kpiNamn: KPI_NAMN,
    senaste,
    rader: { utfall: utfallRader.length - 1, nyckeltal: nyckeltalRader.length - 1, atgarder: atgardRader.length - 1 },
    csv: {
      'enheter.csv': [
        'id;namn;typ;foralder;alias',
        ...enheter.map((e) => [e.id, e.namn, e.typ, e.foralder ?? '', e.alias.join('|')].join(';')),
      ],
      'utfall.csv': utfallRader,
      'nyckeltal.csv': nyckeltalRader,
      'atgarder.csv': atgardRader,
      'atgardsplaner.csv': planRader,
      'anvandare.csv': ['id;namn;roll;enheter', ...anvandare.map((a) => [a.id, a.namn, a.roll, a.enheter.join('|')].join(';'))],
      'trosklar.csv': trosklar,
    },
  };
}

/** Writes the import folder. */
export function skrivCsv(org: Organisation, mapp: string): void {
  mkdirSync(mapp, { recursive: true });
  for (const [fil, rader] of Object.entries(org.csv)) writeFileSync(join(mapp, fil), `${rader.join('\n')}\n`, 'utf-8');
}

/**
 * The organisation as an import folder (`<mapp>/csv`) read by the real importer into a new store
 * (`<mapp>/store.json`); `importMs` is the opening and the import, not the writing of the CSV files.
 */
export async function importeradLagring(
  org: Organisation,
  mapp: string,
  klocka: () => Date,
): Promise<{ store: Fillagring; fil: string; importMs: number }> {
  skrivCsv(org, join(mapp, 'csv'));
  const fil = join(mapp, 'store.json');
  const t = performance.now();
  const store = await Store.oppna(fil, klocka);
  await importera(store, läsImportmapp(join(mapp, 'csv')));
  return { store, fil, importMs: performance.now() - t };
}

/** The store's bytes on disk: the snapshot, its journal and its audit log (only the snapshot and journal are read at start). */
export function lagringensStorlek(fil: string): number {
  return ['', '.journal', '.granskningslogg'].reduce(
    (n, slut) => n + (existsSync(`${fil}${slut}`) ? statSync(`${fil}${slut}`).size : 0),
    0,
  );
}

export type Manadssiffror = Organisation['senaste'] extends Map<string, infer S> ? S : never;

/**
 * Figures a controller could send for a unit's month, from the month before: the budget to date one month on
 * (in December the year's budget; in January a twelfth of it, from nothing), the month's utfall that budget `avvikelse` (a share) off, and a forecast of the utfall so far
 * plus the rest of the year's budget, `prognosbrus` off (in December: the year's utfall). Figures that contradict
 * each other would not be saved but questioned (src/domain/rimlighet.ts), and a bench that sent them would
 * measure the question, not the saving.
 */
export function rimligaSiffror(fore: Manadssiffror, manad: number, avvikelse: number, prognosbrus: number): Manadssiffror {
  const avrunda = (v: number) => Math.round(v * 10) / 10;
  const budget_ack =
    manad === 12 ? fore.budget_helar : manad === 1 ? avrunda(fore.budget_helar / 12) : avrunda((fore.budget_ack * manad) / (manad - 1));
  const foreUtfall = manad === 1 ? 0 : fore.utfall_ack;
  const foreBudget = manad === 1 ? 0 : fore.budget_ack;
  const utfall_ack = avrunda(foreUtfall + (budget_ack - foreBudget) * (1 + avvikelse));
  const resten = fore.budget_helar - budget_ack;
  return {
    budget_ack,
    utfall_ack,
    budget_helar: fore.budget_helar,
    prognos_helar: manad === 12 ? utfall_ack : avrunda(utfall_ack + resten * (1 + prognosbrus)),
  };
}
