import { type Period, foregaende } from '../domain/period.js';
import type { Enhet } from '../domain/schema.js';
import { type Avsikt, tolkaAvsikt } from './avsikt.js';
import type { Enhetsindex } from './enheter.js';
import { normalisera, ordMedVersaler } from './normalisera.js';
import { STOPPORD, ärEngelska } from './ordlista.js';
import { PERIODORD, type Periodangivelse, tolkaPeriod } from './perioder.js';
import { type Rapportmottagare, rapportmottagare, ärRapportord } from './rapportord.js';

/** A question as the bot understood it; everything the answer needs, nothing looked up yet. */
export interface Fraga {
  text: string;
  avsikt: Avsikt;
  enheter: Enhet[];
  tvetydiga: Enhet[][];
  /** words that look like a unit's name but match none */
  okantNamn: string | null;
  forslag: Enhet[];
  tid: Periodangivelse;
  /** "hur ligger vi": the asker's own unit */
  vi: boolean;
  engelska: boolean;
  /** ranking: underskott first, or överskott; a percent-over-budget floor; how many */
  riktning: 'underskott' | 'overskott' | null;
  procentGrans: number | null;
  antal: number | null;
  /** "åtgärd 5", "medicinrobotarna" */
  atgardNr: number | null;
  atgardOrd: string[];
  /** the KPI word as written, normalised */
  nyckeltalOrd: string[];
  /** "ligger X över budget?": answer yes or no first */
  jaNej: boolean;
  /** "bara försenade", "kategori b" */
  atgardsfilter: 'försenad' | 'kategori_b' | 'pågår' | 'genomförd' | 'ej påbörjad' | null;
  /** "och i september?", "samma för IFO": follows on from the previous answer */
  fortsattning: boolean;
  /** "ligger X över budget?" true, "… under budget?" false, otherwise null */
  overBudget: boolean | null;
  /** ranking: the organisational levels named ("nämnderna", "verksamheter"), in precedence order */
  nivaer: Array<Enhet['typ']>;
  /** ranking: "störst", "sämst", "worst", "largest" */
  storst: boolean;
  /** the month a report is for: the month named, or the calendar month before for "förra månaden" */
  rapportmanad: Period | null;
  /** a monthly report "till KS" (the whole municipality) or "till nämnden" (the asker's nämnd), without a unit named */
  rapportmottagare: Rapportmottagare | null;
}

export const SKYDDADE_ORD: ReadonlySet<string> = new Set([...STOPPORD, ...PERIODORD]);

export function tolkaFraga(text: string, index: Enhetsindex, nu: Period): Fraga {
  const normal = normalisera(text);
  const ordlista = normal ? normal.split(' ') : [];
  const tid = tolkaPeriod(ordlista, nu, normal);
  const traff = index.hitta(ordlista, () => {
    const original = ordMedVersaler(text);
    return original.length === ordlista.length ? original : ordlista;
  });
  // Words inside a unit's name ("Hälso- och sjukvård") say nothing about what is asked.
  const utanNamn = traff.anvanda.size ? ordlista.filter((_, i) => !traff.anvanda.has(i)).join(' ') : normal;
  const avsikt = tolkaAvsikt(utanNamn, traff.enheter.length);
  const kvar = ordlista.filter(
    (o, i) => !traff.anvanda.has(i) && !tid.anvanda.has(i) && !SKYDDADE_ORD.has(o) && !/^\d+([,.]\d+)?%?$/.test(o) && o.length >= 3,
  );
  const nrMatch = /\batgard(?:en)? (?:nr |nummer )?(\d{1,3})\b|\b(?:nr|nummer) (\d{1,3})\b|\bmeasure (\d{1,3})\b/.exec(normal);
  const topp = /\b(?:topp|top) ?(\d{1,2})\b|\b(\d{1,2}) (?:storsta|samsta|basta|storst|largest|worst|best)\b/.exec(normal);
  const procent = /\b(?:mer an|over|more than|above|minst) (\d{1,3}(?:[,.]\d+)?) ?(?:%|procent|percent)/.exec(normal);
  const namnord = avsikt === 'manadsrapport' ? kvar.filter((o) => !ärRapportord(o)) : kvar;
  const okantNamn = traff.enheter.length === 0 && namnord.length && avsiktVillHaEnhet(avsikt) ? namnord.join(' ') : null;
  return {
    text,
    avsikt,
    enheter: traff.enheter,
    tvetydiga: traff.tvetydiga,
    okantNamn,
    forslag: okantNamn ? index.narmaste(okantNamn) : [],
    tid,
    vi: /\b(vi|oss|var|vart|vara|we|us|our)\b/.test(normal),
    engelska: ärEngelska(ordlista),
    riktning: /\b(overskott\w*|plus|gar (med )?plus|under budget|surplus|positiv\w*|bast\w*|best)\b/.test(normal)
      ? 'overskott'
      : /\b(underskott\w*|minus|over budget|deficit|negativ\w*|samst\w*|worst|overspend\w*|storst avvikelse)\b/.test(normal)
        ? 'underskott'
        : null,
    procentGrans: procent ? Number(procent[1].replace(',', '.')) : null,
    antal: topp ? Number(topp[1] ?? topp[2]) : null,
    atgardNr: nrMatch ? Number(nrMatch[1] ?? nrMatch[2] ?? nrMatch[3]) : null,
    atgardOrd: kvar,
    nyckeltalOrd: ordlista.filter((o) => /franvaro|sjuk|omsattning|hme|nyckeltal|sick|absence|turnover/.test(o)),
    jaNej: /^(ligger|gar|ar|har|is|are|does|klarar)\b/.test(normal),
    atgardsfilter: atgardsfilter(normal),
    fortsattning: FORTSATTNING.test(normal),
    overBudget: /\bover\b/.test(normal) ? true : /\bunder budget\b/.test(normal) ? false : null,
    nivaer: NIVAORD.filter(([monster]) => monster.test(normal)).map(([, typ]) => typ),
    storst: /\bstorst|\bsamst|\bworst|\blargest/.test(normal),
    rapportmanad: tid.period ?? (tid.relativ === 'senaste_stangda' ? foregaende(nu) : null),
    rapportmottagare: avsikt === 'manadsrapport' ? rapportmottagare(normal) : null,
  };
}

const FORTSATTNING = /^(och|and|men|samt|hur blir det (med|for)|samma (sak )?for|what about|how about)\b/;

const NIVAORD: Array<[RegExp, Enhet['typ']]> = [
  [/\bnamnd\w*|\bcommittee/, 'nämnd'],
  [/\bverksamhetsomrad\w*/, 'verksamhetsområde'],
  [/\bforvaltning\w*/, 'förvaltning'],
  [/\bverksamhet\w*/, 'verksamhet'],
];

/** Filters on a unit's measures, the first that matches wins. */
const ATGARDSFILTER: Array<[RegExp, NonNullable<Fraga['atgardsfilter']>]> = [
  [/\bforsenad\w*|\bdelayed|\bbehind\b/, 'försenad'],
  [/\bkategori b\b|\bpolitisk\w* beslut|\bpolitical/, 'kategori_b'],
  [/\bgenomford\w*|\bklara\b|\bdone\b|\bcompleted\b/, 'genomförd'],
  [/\bej paborjad\w*|\binte (paborjad|startad)\w*|\bnot started\b/, 'ej påbörjad'],
  [/\bpagar|\bpagaende\b|\bongoing\b|\bin progress\b/, 'pågår'],
];
/** Most questions name no filter: one pattern joining them all tells whether any can match. */
const NAGOT_ATGARDSFILTER = new RegExp(ATGARDSFILTER.map(([monster]) => `(?:${monster.source})`).join('|'));

function atgardsfilter(normal: string): Fraga['atgardsfilter'] {
  if (!NAGOT_ATGARDSFILTER.test(normal)) return null;
  return ATGARDSFILTER.find(([monster]) => monster.test(normal))?.[1] ?? null;
}

function avsiktVillHaEnhet(avsikt: Avsikt): boolean {
  return ['status', 'trend', 'prognos', 'nedbrytning', 'jamforelse', 'nyckeltal', 'manadsrapport'].includes(avsikt);
}
