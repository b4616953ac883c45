import { type Period, foregaende } from '../domain/period.js';
import type { Enhet } from '../domain/schema.js';
import { type Avsikt, tolkaAvsikt } from './avsikt.js';
import type { Enhetsindex } from './enheter.js';
import { översätt } from './glosor.js';
import { namnord, ordlikhet, rang } from './namnmatchning.js';
import { normalisera, ordMedVersaler, ordMedOriginal } from './normalisera.js';
import { STOPPORD, ärEngelska } from './ordlista.js';
import { PERIODORD, type Periodangivelse, tolkaPeriod } from './perioder.js';
import { type Rapportmottagare, begaranordensPositioner, rapportmottagare, ärRapportord } from './rapportord.js';
import { type Atgardsnyckel, sakindex } from './sakindex.js';
import { forfina } from './enhetstolkning.js';
import { VERKSAMHETSSYNONYMER } from './synonymer.js';

/** A question as the bot understood it; everything the answer needs, nothing looked up yet. */
export interface Fraga {
  text: string;
  avsikt: Avsikt;
  enheter: Enhet[];
  tvetydiga: Enhet[][];
  /** words that look like a unit's name but match none, as the user wrote them */
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
  /** the store's KPI the question names ("lärarbehörigheten" → "Andel behöriga lärare"), if any */
  nyckeltal: string | null;
  /** a KPI word the store has no KPI for ("sjukfrånvaron"), as the user wrote it */
  nyckeltalSomSkrivet: string | null;
  /** the measures (or whole plans) the question names by their own words, best first */
  atgardstraffar: Atgardsnyckel[];
  /** "i mnkr", "i miljoner": amounts in millions */
  mnkr: boolean;
  /** a question about something else entirely ("vad blir vädret imorgon?") */
  utanfor: boolean;
  /** "totalt", "överlag", "hela kommunen": the whole organisation when no unit is named */
  helheten: boolean;
  /** "vilka delar av X", "vad består underskottet av": within the unit, its own parts */
  delar: boolean;
  /** "har X blivit bättre", "gick X sämre", "har X ökat": the direction asked about in a comparison */
  forandring: 'battre' | 'samre' | 'okat' | 'minskat' | null;
  /** "vilka verksamheter …", "visa alla nämnder": every unit that qualifies, not the top ten */
  alla: boolean;
  /** "klarar X budgeten?", "landade X inom budget?": a yes or no on the year */
  klarar: boolean;
  /** "varför …", "vad beror … på": the reason first */
  varfor: boolean;
}

export const SKYDDADE_ORD: ReadonlySet<string> = new Set([...STOPPORD, ...PERIODORD]);

/** Words in a unit-like name that say what kind of unit it is ("tekniska nämnden", "kulturskolan"). */
const ORGANISATIONSORD =
  /(namnd|namnden|namnder|forvaltning|forvaltningen|skola|skolan|skolor|tjanst|tjansten|hall|hallen|gard|garden|gardar|gardarna|boende|boendet|verksamhet|verksamheten|kontor|kontoret|enhet|enheten|avdelning|avdelningen|kar|karen|mottagning|mottagningen|bibliotek|biblioteket|omsorg|omsorgen|vard|varden|service|bolag|bolaget|huset|formyndare|formyndaren|styrelse|styrelsen|center|centret|nden)$/;
const SYNONYMORD = new Set(VERKSAMHETSSYNONYMER.flat().flatMap((g) => g.split(' ')));

/** Finance and follow-up words: a question with none of them (and no unit, KPI or measure) is about something else. */
const AMNESORD =
  /\b(budget\w*|budgt|utfall\w*|avvikelse\w*|avv|prognos\w*|underskott\w*|overskott\w*|atgard\w*|besparing\w*|spar\w*|nyckeltal\w*|siffr\w*|kostnad\w*|kostar|ekonomi\w*|resultat\w*|bokslut\w*|tkr|mnkr|miljoner|plus|minus|rapport\w*|larm\w*|uppfoljning\w*|deficit|surplus|forecast|spend\w*)\b/;
/** Questions of the kind a follow-up bot does not answer: asked for something else, or for a fact outside the figures. */
const ANNAT = /^(vem|nar|who|when|where)\b/;
const UPPDRAG = /^(kan du |could you |can you )?(skriv|boka|oversatt|beratta|sjung|rita|spela|write|book|translate|tell me a)\b/;

export function tolkaFraga(text: string, index: Enhetsindex, nu: Period): Fraga {
  const normal0 = normalisera(text);
  const engelska = ärEngelska(normal0 ? normal0.split(' ') : []);
  const normal = översätt(normal0, engelska);
  const ordlista = normal ? normal.split(' ') : [];
  const tid = tolkaPeriod(ordlista, nu, normal);
  // Numbers that are amounts, counts or a measure's number, and fixed phrases, are no unit's name.
  const forEnheter = ordlista.map((o, i) =>
    (/^\d+$/.test(o) && (EJ_KOD_FORE.test(ordlista[i - 1] ?? '') || EJ_KOD_EFTER.test(ordlista[i + 1] ?? ''))) ||
    (/^politisk/.test(o) && ordlista[i + 1] === 'beslut')
      ? '_'
      : o,
  );
  const traff = index.hitta(forEnheter, () => {
    const original = ordMedVersaler(text);
    return original.length === ordlista.length ? original : ordlista;
  });
  forfina(traff, ordlista, text, index);
  // positions of units named as written or misspelt (not by a prefix or compound): those words tell no KPI or measure apart
  const starka = new Set([
    ...traff.traffar
      .filter((t) => t.styrka >= 0.75 && traff.enheter.some((e) => e.id === t.enhet.id))
      .flatMap((t) => range(t.start, t.slut)),
    ...traff.avgjorda,
  ]);
  const filterfras = new Set(ordlista.flatMap((o, i) => (/^politisk/.test(o) && ordlista[i + 1] === 'beslut' ? [i, i + 1] : [])));
  const tal = new Set(ordlista.flatMap((o, i) => (/^\d+([,.]\d+)?%?$/.test(o) ? [i] : [])));
  const bortse = new Set([...tid.anvanda, ...tal]);

  // The store's own KPI and measure names, read like unit names.
  const sak = sakindex(index.register);
  const svaga = new Set(ordlista.flatMap((o, i) => (STOPPORD.has(o) && !NYCKELTALSORD.test(o) ? [i] : [])));
  const begaran = begaranordensPositioner(ordlista, normal);
  const kpi = sak.nyckeltal.basta(ordlista, new Set([...tid.anvanda, ...filterfras, ...begaran]), starka, svaga, true).forsta;
  const nyckeltalRegel = NYCKELTALSREGEL.test(normal);
  const atgardMarkning = ATGARDSREGEL.test(normal);
  const namnatKpi = Boolean(
    kpi &&
    ((kpi.distinktPoang >= 0.7 && (!atgardMarkning || nyckeltalRegel || kpi.distinktPoang >= 1.5)) ||
      (kpi.tackning >= 0.8 && kpi.egetOrd) ||
      (kpi.poang >= 3 && kpi.tackning >= 0.5 && kpi.egetOrd)),
  );
  const nyckeltal = kpi && (namnatKpi || (nyckeltalRegel && kpi.tackning >= 0.3)) ? kpi.item : null;
  if (nyckeltal) {
    // "trygg hemgång" is no typo of "Trygghetslarm": a loose unit match inside the KPI's name gives way
    const kpiOrd = namnord(kpi!.item);
    const inuti = (t: { start: number; slut: number }) =>
      range(t.start, t.slut).every((i) => kpi!.positioner.has(i) || kpiOrd.some((w) => ordlikhet(ordlista[i], w) >= 0.9));
    const losa = traff.traffar.filter((t) => t.styrka < 0.75 && inuti(t));
    if (losa.length) {
      traff.enheter = traff.enheter.filter((e) => !losa.some((t) => t.enhet.id === e.id));
      for (const t of losa) for (const i of range(t.start, t.slut)) traff.anvanda.delete(i);
    }
    const kvarTvetydiga = traff.tvetydiga.filter((_, g) => !inuti(traff.tvetydigaSpann[g]));
    if (kvarTvetydiga.length < traff.tvetydiga.length) {
      traff.tvetydigaSpann = traff.tvetydigaSpann.filter((sp) => !inuti(sp));
      traff.tvetydiga = kvarTvetydiga;
    }
  }

  const atgardsbortse = new Set([...bortse, ...begaran, ...(nyckeltal && !atgardMarkning ? kpi!.positioner : [])]);
  const atgardTraffar = sak.atgarder.basta(ordlista, atgardsbortse, starka, svaga, !atgardMarkning);
  const basta = atgardTraffar.forsta;
  // a measure is named by a long word of its own ("medicinrobotarna"), by much of its title, or, after "åtgärden", by all of it
  const starkAtgard = Boolean(
    basta &&
    ((basta.distinkt &&
      (basta.tackning >= 0.6 ||
        (atgardMarkning && basta.tackning >= 0.25) ||
        basta.poang >= 2.5 ||
        (basta.distinktPoang >= 0.8 && basta.distinktLangd >= 8))) ||
      (atgardMarkning && basta.tackning >= 0.9)),
  );
  const atgardstraffar = starkAtgard
    ? atgardTraffar
        .lika()
        .filter((t) => rang(t) >= rang(basta!) - 1e-9 && (t.distinkt || !basta!.distinkt))
        .map((t) => t.item)
    : [];

  // Words inside a unit's name ("Hälso- och sjukvård") say nothing about what is asked.
  const utanNamn = traff.anvanda.size ? ordlista.filter((_, i) => !traff.anvanda.has(i)).join(' ') : normal;
  let avsikt = tolkaAvsikt(utanNamn, traff.enheter.length);
  const forst = [
    'hjalp',
    'rapportera',
    'uppdatera_atgard',
    'historik',
    'prenumerera',
    'avsluta_larm',
    'larmlista',
    'larmstatus',
    'troskel',
  ];
  if (!forst.includes(avsikt) && avsikt !== 'farskhet') {
    if (nyckeltal && (namnatKpi || nyckeltalRegel) && !(starkAtgard && atgardMarkning)) avsikt = 'nyckeltal';
    else if (starkAtgard && (atgardMarkning || !['nedbrytning', 'jamforelse', 'rankning'].includes(avsikt) || basta!.tackning >= 0.8))
      avsikt = 'atgarder';
    else if (avsikt === 'nyckeltal' && !nyckeltal && !nyckeltalRegel) avsikt = traff.enheter.length ? 'status' : 'okand';
  }

  if (NIVA_PLURAL.test(utanNamn) && traff.enheter.length <= 1 && ['status', 'jamforelse', 'okand', 'trend'].includes(avsikt))
    avsikt = 'rankning';
  const anvanda = new Set([...traff.anvanda, ...bortse, ...(nyckeltal ? kpi!.positioner : []), ...(starkAtgard ? basta!.positioner : [])]);
  const kvar = ordlista.filter(
    (o, i) => !traff.anvanda.has(i) && !tid.anvanda.has(i) && !SKYDDADE_ORD.has(o) && !tal.has(i) && o.length >= 3,
  );
  const okanda = ordlista.flatMap((o, i) =>
    !anvanda.has(i) && !SKYDDADE_ORD.has(o) && o.length >= 2 && !/^\d/.test(o) && !(avsikt === 'manadsrapport' && ärRapportord(o))
      ? [i]
      : [],
  );
  const likNamn = okanda.some((i) => ORGANISATIONSORD.test(ordlista[i]) || SYNONYMORD.has(ordlista[i]));
  const inget = !traff.enheter.length && !nyckeltal && !starkAtgard && !AMNESORD.test(normal);
  const utanfor =
    UPPDRAG.test(normal) ||
    (ANNAT.test(normal) && !AMNESORD.test(normal) && !nyckeltal && !starkAtgard && !forst.includes(avsikt) && avsikt !== 'farskhet') ||
    (inget && avsikt === 'okand' && !likNamn && !tid.anvanda.size && tid.jamforAr === null && !FORTSATTNING.test(normal) && !tid.relativ);
  const villHaEnhet = avsiktVillHaEnhet(avsikt) || (avsikt === 'okand' && likNamn) || (avsikt === 'rankning' && likNamn);
  const okantSpann =
    !utanfor && !traff.enheter.length && !nyckeltal && !starkAtgard && okanda.length && villHaEnhet ? spann(okanda, ordlista) : null;
  const okantNamn = okantSpann ? somSkrivet(text, ordlista, normal0, okantSpann) : null;

  const nrMatch = /\batgard(?:en)? (?:nr |nummer )?(\d{1,3})\b|\b(?:nr|nummer) (\d{1,3})\b|\bmeasure (\d{1,3})\b/.exec(normal);
  const topp = /\b(?:topp|top) ?(\d{1,2})\b|\b(\d{1,2}) (?:storsta|samsta|basta|storst|largest|worst|best)\b/.exec(normal);
  const procent = /\b(?:mer an|over|more than|above|minst) (\d{1,3}(?:[,.]\d+)?) ?(?:%|procent|percent)/.exec(normal);
  return {
    text,
    avsikt: utanfor ? 'okand' : avsikt,
    enheter: utanfor ? [] : traff.enheter,
    tvetydiga: utanfor ? [] : traff.tvetydiga,
    okantNamn,
    forslag: okantSpann ? index.narmaste(okantSpann.map((i) => ordlista[i]).join(' ')) : [],
    tid,
    vi: /\b(vi|oss|var|vart|vara|we|us|our)\b/.test(normal),
    engelska,
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
    jaNej: /^(ligger|gar|gick|ar|har|is|are|does|did|klarar|klarade|holl|haller|landade)\b/.test(normal),
    atgardsfilter: atgardsfilter(normal),
    fortsattning: FORTSATTNING.test(normal),
    overBudget: /\b(over|overskred\w*|overstig\w*)\b/.test(utanNamn)
      ? true
      : /\b(under budget|med overskott|holl budget\w*|holl sig inom|inom budget)\b/.test(utanNamn)
        ? false
        : null,
    nivaer: NIVAORD.filter(([monster]) => monster.test(utanNamn)).map(([, typ]) => typ),
    storst: /\bstorst|\bsamst|\bworst|\blargest/.test(normal),
    rapportmanad: tid.period ?? (tid.relativ === 'senaste_stangda' ? foregaende(nu) : null),
    rapportmottagare: avsikt === 'manadsrapport' ? rapportmottagare(normal) : null,
    nyckeltal,
    nyckeltalSomSkrivet: nyckeltal ? null : kpiOrdSomSkrivet(text, ordlista, normal0),
    atgardstraffar,
    mnkr: /\b(mnkr|mkr|miljoner|miljon|millions?|mn)\b/.test(normal),
    utanfor,
    helheten: /\b(totalt|overlag|sammantaget|som helhet|hela (kommunen|forvaltningen|organisationen|verksamheten))\b/.test(normal),
    delar: /\b(delar|delarna|bestar|best ar|beståndsdelar)\b/.test(normal),
    forandring: /\b(battre|forbattra\w*|improv\w*|better)\b/.test(normal)
      ? 'battre'
      : /\b(samre|forsamra\w*|worse)\b/.test(normal)
        ? 'samre'
        : /\b(okat|okade|stigit|gatt upp|hogre|increased|risen)\b/.test(normal)
          ? 'okat'
          : /\b(minskat|minskade|sjunkit|gatt ner|gatt ned|lagre|decreased|fallen)\b/.test(normal)
            ? 'minskat'
            : null,
    alla: /\b(vilka|alla|samtliga|which|all)\b/.test(normal) && !topp,
    klarar: /\b(klara\w*|halla\w*|holl|landade|landa\w*|make it|made it|on track)\b/.test(normal),
    varfor: /\b(varfor|why|beror|orsak\w*)\b/.test(normal),
  };
}

const EJ_KOD_FORE = /^(topp|top|atgard|atgarden|nr|nummer|measure|senaste|sista|last|under|over|an|than|minst|mer|langre|kortare|hogst)$/;
const EJ_KOD_EFTER =
  /^(procent|percent|%|tkr|mnkr|mkr|kr|kronor|ar|aren|manader|manaderna|manad|man|dagar|veckor|timmar|st|personer|storsta|samsta|basta)$/;
/** A level named in the plural ("nämnderna", "visa alla verksamheter"): the units of that level side by side. */
const NIVA_PLURAL =
  /\b(namnderna|namnder|verksamheterna|verksamheter|enheterna|enheter|forvaltningarna|forvaltningar|verksamhetsomradena|verksamhetsomraden|committees|delarna)\b/;

/** KPI words that are also in the stop list, since they are no unit's name. */
const NYCKELTALSORD = /franvaro|omsattning|nyckeltal|hme/;
const NYCKELTALSREGEL =
  /\b(sjuk\w*|korttidsfranvaro\w*|langtidsfranvaro\w*|franvaro\w*|personalomsattning\w*|omsattning\w*|hme|medarbetarenkat\w*|nyckeltal\w*|kpi\w*|sick\w*|absence|turnover|overtid|mertid)\b/;
const ATGARDSREGEL =
  /\bpolitisk\w* beslut|\bkategori [ab]\b|\b(atgard\w*|atgarder|handlingsplan\w*|sparplan\w*|besparing\w*|sparbeting\w*|effektivisering\w*|spara|sparar|measures?|action plans?|savings)\b/;

/** The unknown words as one stretch, with the kind-of-unit words and "och" next to them ("tekniska nämnden"). */
function spann(okanda: number[], ordlista: string[]): number[] {
  let fran = okanda[0];
  let till = okanda[okanda.length - 1];
  const hor = (o: string | undefined) => o !== undefined && (ORGANISATIONSORD.test(o) || o === 'och');
  while (fran > 0 && hor(ordlista[fran - 1]) && ordlista[fran - 1] !== 'och') fran--;
  while (till < ordlista.length - 1 && hor(ordlista[till + 1])) till++;
  if (ordlista[till] === 'och') till--;
  // the first stretch only: "simhallen" in "simhallen mot budget"
  const ut: number[] = [];
  for (let i = fran; i <= till; i++) {
    if (i > fran && !okanda.includes(i) && !hor(ordlista[i])) break;
    ut.push(i);
  }
  return ut;
}

/** The words at those positions as the user wrote them, with their own spelling and hyphens ("kultur- och fritidsnämnden"). */
function somSkrivet(text: string, ordlista: string[], normal0: string, pos: number[]): string {
  const original = ordMedOriginal(text);
  if (normal0.split(' ').length !== ordlista.length || original.length !== ordlista.length) return pos.map((i) => ordlista[i]).join(' ');
  const forsta = original[pos[0]];
  const sista = original[pos[pos.length - 1]];
  return text.slice(forsta.start, sista.slut);
}

function kpiOrdSomSkrivet(text: string, ordlista: string[], normal0: string): string | null {
  const pos = ordlista.flatMap((o, i) => (NYCKELTALSREGEL.test(o) ? [i] : []));
  return pos.length ? somSkrivet(text, ordlista, normal0, pos.slice(0, 1)) : null;
}

const FORTSATTNING = /^(och|and|men|samt|hur blir det (med|for)|samma (sak )?for|what about|how about)\b/;

const NIVAORD: Array<[RegExp, Enhet['typ']]> = [
  [/\bnamnd\w*|\bcommittee/, 'nämnd'],
  [/\bverksamhetsomrad\w*/, 'verksamhetsområde'],
  [/\bforvaltning\w*/, 'förvaltning'],
  [/\bverksamhet\w*/, 'verksamhet'],
  [/\benhet(en|er|erna)?\b/, 'enhet'],
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

function range(fran: number, till: number): number[] {
  return Array.from({ length: till - fran }, (_, i) => fran + i);
}

function avsiktVillHaEnhet(avsikt: Avsikt): boolean {
  return ['status', 'trend', 'prognos', 'nedbrytning', 'jamforelse', 'nyckeltal', 'manadsrapport'].includes(avsikt);
}
