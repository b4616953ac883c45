import { MANADER, type Period, år, forskjut, manad, period } from '../domain/period.js';

/** What the question says about time, before it is checked against the data. */
export interface Periodangivelse {
  /** a single month, cumulative to it unless `baraManaden` */
  period?: Period;
  /** a range for trends, inclusive */
  fran?: Period;
  till?: Period;
  /** "förra månaden", "i år": resolved against the data, not the calendar */
  relativ?: 'senaste_stangda' | 'i_ar' | 'i_fjol';
  /** "senaste 6 månaderna" */
  senasteAntal?: number;
  baraManaden: boolean;
  /** "sedan oktober", "efter augusti jämfört med efter oktober": earlier reference points */
  jamforMed: Period[];
  /** words the period used, so they are not taken for unit names */
  anvanda: Set<number>;
  /** a year named without a month ("2024", "i fjol"): the whole year, or the year so far */
  helar: boolean;
  /** "sedan 2022", "jämfört med 2020": the year compared with; "året innan", "förra året" in a comparison: the year before */
  jamforAr: number | 'foregaende' | null;
}

/** Words before a year that make it the year compared with, not the year asked about. */
const JAMFORORD = new Set(['sedan', 'sen', 'since', 'med', 'mot', 'an', 'than', 'with', 'to', 'fran', 'from']);

// No prototype: a word such as "constructor" is no month.
const MANADSORD: Record<string, number> = Object.create(null);
MANADER.forEach((m, i) => {
  MANADSORD[m] = i + 1;
});
Object.assign(MANADSORD, {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  october: 10,
  augustis: 8,
  oktobers: 10,
  novembers: 11,
  decembers: 12,
});
const JAMFORELSE =
  /\bsamma (period|manad|tid)\b|\bjamfor\w*|\bjmf\b|\bjfr\b|\bmot (i fjol|forra aret)|\bmed (i fjol|forra aret)|\bcompare\w*|\bversus\b|\bvs\b/;
const TERTIAL: Record<string, number> = Object.assign(Object.create(null), { t1: 4, t2: 8, t3: 12, q1: 3, q2: 6, q3: 9, q4: 12 });

export const PERIODORD = new Set([
  ...Object.keys(MANADSORD),
  ...Object.keys(TERTIAL),
  'tom',
  'per',
  'sista',
  'efter',
  'fram',
  'till',
  'och',
  'med',
  'forra',
  'senaste',
  'manaden',
  'manad',
  'manader',
  'manaderna',
  'ar',
  'aret',
  'fjol',
  'hittills',
  'i',
  'delaret',
  'delarsbokslut',
  'helaret',
  'bokslutet',
  'arsbokslut',
  'tertial',
  'tertialet',
  'forsta',
  'andra',
  'tredje',
  'innan',
  'helaret',
  'kvartal',
  'sommaren',
  'varen',
  'hosten',
  'last',
  'month',
  'year',
  'this',
  'ytd',
  'bara',
  'enbart',
  'endast',
  'only',
  'sen',
  'sedan',
  'since',
]);

/** Reads time from normalised words. `nu` is the current month, from the injected clock. */
export function tolkaPeriod(ordlista: string[], nu: Period, text = ordlista.join(' ')): Periodangivelse {
  const ut: Periodangivelse = { baraManaden: false, jamforMed: [], anvanda: new Set(), helar: false, jamforAr: null };
  const markera = (...index: number[]) => index.forEach((i) => ut.anvanda.add(i));
  const hittade: Array<{ period: Period; index: number; sedan: boolean }> = [];

  const årIText: Array<{ o: string; i: number }> = [];
  ordlista.forEach((o, i) => {
    if (!arstal(o)) return;
    // "sedan 2022", "jämfört med 2020", "bättre 2024 än 2023": the year compared with
    const fore = ordlista[i - 1] ?? '';
    const manadFore = i > 0 && manadIOrd(fore) !== undefined;
    if (!manadFore && (JAMFORORD.has(fore) || (fore === 'jamfort' && årIText.length)) && ut.jamforAr === null) {
      ut.jamforAr = Number(o);
      markera(i);
      return;
    }
    årIText.push({ o, i });
  });
  if (/\b(aret innan|aret dessforinnan|forega[a-z]* ar(et)?)\b/.test(text)) ut.jamforAr ??= 'foregaende';
  for (let i = 0; i < ordlista.length; i++) {
    const o = ordlista[i];
    const m = manadIOrd(o);
    const ordning = ['forsta', 'andra', 'tredje'].indexOf(ordlista[i - 1] ?? '');
    const tertial =
      TERTIAL[o] ??
      (o === 'tertial' && /^[123]$/.test(ordlista[i + 1] ?? '')
        ? [4, 8, 12][Number(ordlista[i + 1]) - 1]
        : /^tertial(et)?$/.test(o) && ordning >= 0
          ? [4, 8, 12][ordning]
          : undefined);
    const manadNr = m || tertial;
    if (!manadNr) continue;
    // "maj" and "mar" are also ordinary words only in English; "mars" is always the month.
    const årEfter = arstal(ordlista[i + 1])
      ? Number(ordlista[i + 1])
      : arstal(ordlista[i + 2]) && o === 'tertial'
        ? Number(ordlista[i + 2])
        : undefined;
    let p: Period;
    if (årEfter) {
      p = period(årEfter, manadNr);
      markera(i + 1);
    } else {
      p = period(år(nu), manadNr);
      if (p > nu) p = forskjut(p, -12);
    }
    markera(i);
    if (o === 'tertial' && /^[123]$/.test(ordlista[i + 1] ?? '')) markera(i + 1);
    if (ordning >= 0 && /^tertial/.test(o)) markera(i - 1);
    const sedan = ['sedan', 'sen', 'since', 'fran'].includes(ordlista[i - 1] ?? '');
    hittade.push({ period: p, index: i, sedan });
  }

  if (/\bdelaret\b|\bdelarsbokslut/.test(text)) hittade.push({ period: period(årFranText(årIText, nu), 8), index: -1, sedan: false });
  if (årIText.length && /\b(helaret|bokslutet|arsbokslut|arsbokslutet)\b/.test(text))
    hittade.push({ period: period(Number(årIText[0].o), 12), index: -1, sedan: false });
  if (/\bsen(?:an)? (sommaren|semestern)\b|\bsince (the )?summer\b/.test(text)) {
    let p = period(år(nu), 8);
    if (p >= nu) p = forskjut(p, -12);
    hittade.push({ period: p, index: -1, sedan: true });
  }

  const sedanPerioder = hittade.filter((h) => h.sedan);
  const vanliga = hittade.filter((h) => !h.sedan);
  if (sedanPerioder.length) ut.fran = sedanPerioder[0].period;
  // "i fjol" as the time asked about, not as what it is compared with.
  const fjolJamfort =
    /\b(sedan|sen|since|an|mot|med|jamfort med|jamfor med) (i fjol|forra aret|fjolaret|last year)\b/.test(text) ||
    (/\b(i fjol|forra aret|fjolaret|last year)\b/.test(text) && JAMFORELSE.test(text));
  if (fjolJamfort) ut.jamforAr ??= 'foregaende';
  const iFjol = /\b(i fjol|forra aret|fjolaret|last year)\b/.test(text) && !JAMFORELSE.test(text) && !fjolJamfort;
  // "i oktober förra året": the month a year back, unless a year was written out.
  if (iFjol && !årIText.length) {
    for (const h of vanliga) h.period = forskjut(h.period, -12);
  }
  if (vanliga.length) {
    const ordnade = [...new Set(vanliga.map((h) => h.period))].sort();
    ut.period = ordnade[ordnade.length - 1];
    ut.jamforMed = ordnade.slice(0, -1).reverse();
  } else if (årIText.length && !sedanPerioder.length) {
    const årtal = Number(årIText[0].o);
    markera(årIText[0].i);
    ut.period = period(årtal, årtal < år(nu) ? 12 : manad(nu));
    if (årtal === år(nu)) ut.relativ = 'i_ar';
    ut.fran = period(årtal, 1);
    ut.helar = true;
    // "bättre 2024 än 2023": the second year is the one compared with
    for (const annat of årIText.slice(1)) {
      markera(annat.i);
      ut.jamforAr ??= Number(annat.o);
    }
  }

  const senaste = /\b(senaste|sista|last) (\d{1,2}|tre|sex|tolv|three|six|twelve) (manaderna|manader|months)\b/.exec(text);
  if (senaste) {
    const antal = { tre: 3, sex: 6, tolv: 12, three: 3, six: 6, twelve: 12 }[senaste[2]] ?? Number(senaste[2]);
    ut.senasteAntal = antal;
  }
  if (!ut.period) {
    if (/\b(forra|senaste|forega[a-z]*|last) (manaden|manadens|manad|month|month s)\b/.test(text)) ut.relativ = 'senaste_stangda';
    else if (iFjol) {
      ut.relativ = 'i_fjol';
      ut.period = period(år(nu) - 1, 12);
      ut.helar = true;
    } else if (/\b(i ar|hittills i ar|innevarande ar|this year|ytd|year to date|arets)\b/.test(text)) ut.relativ = 'i_ar';
  }
  if (
    /\b(bara|enbart|endast|only) (for )?(manaden|manad|month|the month)\b|\bmanadsvarde|\bmanadens\b|\bfor (\w+ )?manad(en)?\b|\bunder manaden\b|\bi sig\b/.test(
      text,
    )
  )
    ut.baraManaden = true;
  return ut;
}

function arstal(o: string | undefined): boolean {
  return o !== undefined && o.length === 4 && /^(19|20)\d\d$/.test(o);
}

/** "oktober", "okt", "oktobers", "novembersiffrorna": the month a word names, if any. */
function manadIOrd(o: string): number | undefined {
  const m = MANADSORD[o];
  if (m !== undefined) return m;
  const utanS = o.length > 3 && o.endsWith('s') ? MANADSORD[o.slice(0, -1)] : undefined;
  return utanS ?? manadISammansattning(o);
}

/** "novembersiffrorna", "oktoberutfallet": a month written together with what it is about. */
const SAMMANSATTNING = new RegExp(
  `^(${MANADER.join('|')})(siffr|utfall|prognos|rapport|budget|avvikelse|bokslut|uppfoljning|resultat|manad|lage)`,
);
function manadISammansattning(o: string): number | undefined {
  const traff = SAMMANSATTNING.exec(o);
  return traff ? (MANADER as readonly string[]).indexOf(traff[1]) + 1 : undefined;
}

function årFranText(årIText: Array<{ o: string }>, nu: Period): number {
  return årIText.length ? Number(årIText[0].o) : manad(nu) > 8 ? år(nu) : år(nu) - 1;
}
