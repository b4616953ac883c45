import type { Farg, Manadsrapportkort } from '../cards/vyer.js';
import { uppraknat } from '../domain/behorighet.js';
import { somSkrivet } from '../domain/markdown.js';
import type { Enhet } from '../domain/schema.js';
import { formatProcent, formatTal, formatTkr } from '../domain/tal.js';
import { ärStyrelsen } from '../language/rapportord.js';
import type { Fraga } from '../language/tolka.js';
import { type Enhetsval, beskrivEnhet, valjEnhet } from './enhetsval.js';
import { type Manadsrapport, type Plansammanstallning, type Rapportrad, manadsrapport } from './manadsrapport.js';
import { datumKort } from './ord.js';
import { type Periodval, valjPeriod } from './perioder.js';
import type { Svar, Svarsmiljo } from './svar.js';

export const FILFORMAT = ['xlsx', 'docx'] as const;
export type Filformat = (typeof FILFORMAT)[number];
export const FILKNAPP_VERB = 'manadsrapport_fil';

/**
 * Which unit the report is for: the one named; the whole municipality for "ks-rapporten"; the asker's nämnd
 * for "rapport till nämnden"; otherwise the unit followed on from, the asker's own, or the whole organisation.
 */
export function valjRapportenhet(fraga: Fraga, m: Svarsmiljo, tvingad?: string): Enhetsval {
  const reg = m.register;
  const rot = reg.rot();
  if (!tvingad && fraga.rapportmottagare === 'kommun' && rot) {
    // "rapport till KS för socialnämnden" is Socialnämnden's; "ks-rapporten" the municipality's, even where KS is a unit.
    const enheter = fraga.enheter.filter((e) => !ärStyrelsen(e));
    if (!enheter.length) return { ok: true, enhet: rot };
    fraga = { ...fraga, enheter };
  }
  if (tvingad || fraga.enheter.length || fraga.tvetydiga.length || fraga.okantNamn) return valjEnhet(fraga, m, tvingad);
  const egen = [m.kontext?.enhet, ...(m.anvandare?.enheter ?? [])].map((id) => (id ? reg.enhet(id) : undefined)).find(Boolean);
  if (fraga.rapportmottagare === 'nämnd') {
    const namnd = egen && reg.kedja(egen.id).find((e) => e.typ === 'nämnd');
    if (namnd) return { ok: true, enhet: namnd };
    return { ok: false, svar: vilkenNamnd(fraga, m) };
  }
  if (egen) return { ok: true, enhet: egen };
  return valjEnhet(fraga, m);
}

function vilkenNamnd(fraga: Fraga, m: Svarsmiljo): Svar {
  const reg = m.register;
  const rot = reg.rot();
  let namnder = [...reg.enheter.values()].filter((e) => e.typ === 'nämnd');
  if (!namnder.length && rot) namnder = reg.barnTill(rot.id);
  if (!namnder.length) return { text: 'Det finns inga nämnder inlagda. Skriv vilken enhet rapporten gäller.' };
  return {
    text: `Vilken nämnd gäller rapporten?\n\n${namnder.map((e) => `- ${e.namn}`).join('\n')}`,
    kort: {
      mall: 'val',
      data: {
        rubrik: 'Vilken nämnd gäller rapporten?',
        val: namnder.map((e: Enhet) => ({ titel: beskrivEnhet(e, m), fraga: fraga.text.slice(0, 500), enhet: e.id })),
      },
    },
  };
}

/** The month named, or else the latest closed month with figures, as for answers about "förra månaden". */
export function valjRapportperiod(fraga: Fraga, enhet: Enhet, m: Svarsmiljo): Periodval {
  if (fraga.tid.period || fraga.tid.relativ) return valjPeriod(fraga, enhet, m);
  return valjPeriod({ ...fraga, tid: { ...fraga.tid, relativ: 'senaste_stangda' } }, enhet, m);
}

/**
 * "månadsrapport för socialnämnden": the protocol table as a card with its text. `personligChatt` decides
 * whether the card offers the files (Teams sends files only there) or says where to ask for them.
 */
export function manadsrapportSvar(fraga: Fraga, m: Svarsmiljo, val: { enhet?: string; personligChatt: boolean }): Svar {
  const enhetsval = valjRapportenhet(fraga, m, val.enhet);
  if (!enhetsval.ok) return enhetsval.svar;
  const enhet = enhetsval.enhet;
  const p = valjRapportperiod(fraga, enhet, m);
  if (!p.ok) return { text: p.text, kontext: { enhet: enhet.id, avsikt: 'manadsrapport' } };
  const vy = manadsrapport(m.register, enhet.id, p.period, m.idag)!;
  return rapportsvar(vy, val.personligChatt, p.notering);
}

const belopp = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatTal(v));
const fargFor = (v: number | null | undefined): Farg => (v === null || v === undefined ? 'Default' : v < 0 ? 'Attention' : 'Good');

/** A row's name as the table shows it: corrected, partly reported or not reported said beside it. */
export function radnamn(r: Rapportrad, namn = r.namn): string {
  const tillagg = [
    !r.siffror ? 'ej rapporterat' : null,
    r.rapporterade ? `${r.rapporterade.antal} av ${r.rapporterade.av}` : null,
    r.korrigerad ? 'rättad' : null,
  ].filter(Boolean);
  return tillagg.length ? `${namn} (${tillagg.join(', ')})` : namn;
}

export function rapportrubrik(vy: Manadsrapport): string {
  return `Månadsrapport: ${vy.enhetsnamn}${vy.helar ? ',' : ''} ${vy.tom}`;
}

/** "Ej rapporterat för november: Kost och AMI. Summorna är ofullständiga: 19 av 21 enheter har rapporterat." */
export function ejRapporteratText(vy: Manadsrapport): string | null {
  if (!vy.ejRapporterade.length) return null;
  const s = vy.summa.rapporterade;
  const summor = s
    ? ` Summorna är ofullständiga: ${s.antal} av ${s.av} enheter har rapporterat.`
    : vy.summa.siffror
      ? ` Summaraden är ${vy.enhetsnamn}s egen rapporterade rad.`
      : '';
  return `Ej rapporterat för ${vy.helar ? vy.tom : vy.manad}: ${uppraknat(vy.ejRapporterade.map((e) => e.namn))}.${summor}`;
}

export function avstamningText(vy: Manadsrapport): string | null {
  if (vy.egenRadMotSumma === null) return null;
  return `Summaraden är ${vy.enhetsnamn}s egen rapporterade rad; dess avvikelse skiljer sig med ${formatTkr(vy.egenRadMotSumma)} från radernas summa.`;
}

/** "Barn och unga: version 2, 5 dec. 2025 av Alex Wilber; avvikelse −6 400 → −6 700 tkr." */
export function korrigeringstexter(vy: Manadsrapport): string[] {
  return vy.korrigeringar.map(
    (k) => `${k.namn}: version ${k.version}, ${datumKort(k.tid)} av ${k.av}; avvikelse ${formatTal(k.forst)} → ${formatTkr(k.nu)}.`,
  );
}

const STATUSORDNING = ['pågår', 'försenad', 'ej påbörjad', 'genomförd', 'avbruten'] as const;

export function statusText(perStatus: Plansammanstallning['perStatus']): string {
  return STATUSORDNING.filter((s) => perStatus[s] > 0)
    .map((s) => `${perStatus[s]} ${s}`)
    .join(', ');
}

/** One line per action plan: measures by status, the year's planned and realised savings. */
export function plantexter(vy: Manadsrapport): string[] {
  const ar = vy.atgarder.ar;
  return vy.atgarder.planer.map(
    (p) =>
      `${p.enhet}${p.plan ? ` (${p.plan})` : ''}: ${p.antal} åtgärder (${statusText(p.perStatus)}); planerad besparing ${ar} ${formatTkr(p.planerat)}, realiserad ${ar} ${formatTkr(p.realiserat)}${p.sparbeting !== null ? `; sparbeting ${formatTkr(p.sparbeting)}` : ''}.`,
  );
}

/**
 * A card has room for about 28 KB, text and fallback included: the card shows at most this many comments per
 * row, this many lines per list, and this many characters per comment; the files carry them all.
 */
export const KORTGRANSER = { kommentarerPerRad: 3, rader: 8, tecken: 240 } as const;

function kortad(text: string): string {
  return text.length > KORTGRANSER.tecken ? `${text.slice(0, KORTGRANSER.tecken - 1).trimEnd()}…` : text;
}

/** The first lines of a list, and how many more the files have. */
function begransad(rader: string[], max: number, var_: string): string[] {
  if (rader.length <= max) return rader;
  return [...rader.slice(0, max), `… och ${rader.length - max} till ${var_}.`];
}

function kommentarsgrupper(vy: Manadsrapport, var_: string): Array<{ rubrik: string; rader: string[] }> {
  const rader = vy.rader.length ? [...vy.rader, vy.summa] : [vy.summa];
  return rader
    .filter((r) => r.kommentarer.length)
    .map((r) => ({
      rubrik: r === vy.summa && vy.rader.length ? `${r.namn} (hela)` : r.namn,
      rader: begransad(
        r.kommentarer.map((k) => kortad(k.enhet === r.namn ? k.text : `${k.enhet}: ${k.text}`)).map(somSkrivet),
        KORTGRANSER.kommentarerPerRad,
        var_,
      ),
    }));
}

function rapportsvar(vy: Manadsrapport, personligChatt: boolean, notering?: string): Svar {
  const tabell = vy.rader.length ? [...vy.rader, vy.summa] : [vy.summa];
  const ärSumma = (r: Rapportrad) => r === vy.summa && vy.rader.length > 0;
  const ejRapporterat = ejRapporteratText(vy);
  const noter = ['Belopp i tkr. Avvikelse = budget − utfall: minus är underskott. Procent = utfall av budget.', avstamningText(vy)].filter(
    (n): n is string => n !== null,
  );
  const iFilerna = personligChatt ? 'i Excel- och Word-filen' : 'i filerna, i personlig chatt';
  const korrigeringar = begransad(korrigeringstexter(vy), KORTGRANSER.rader, iFilerna);
  const kommentarer = kommentarsgrupper(vy, iFilerna);
  const planer = begransad(plantexter(vy).map(kortad), KORTGRANSER.rader, iFilerna);
  const filnotis = personligChatt
    ? 'Tryck på Excel eller Word för rapporten som fil att bifoga tjänsteskrivelsen.'
    : `Filerna skickar jag bara i personlig chatt: be mig där om "månadsrapport för ${vy.enhetsnamn}" och tryck på Excel eller Word.`;
  const harHelar = tabell.some((r) => r.siffror?.budget_helar != null || r.siffror?.prognos_helar != null);
  const kort: Manadsrapportkort = {
    rubrik: `Månadsrapport: ${vy.enhetsnamn}`,
    undertitel: `Ekonomisk uppföljning ${vy.tom}, tkr`,
    ...(notering ? { notering } : {}),
    ...(ejRapporterat ? { ejRapporterat } : {}),
    rader: tabell.map((r) => ({
      namn: radnamn(r, ärSumma(r) ? 'Summa' : r.namn),
      budget: belopp(r.siffror?.budget_ack),
      utfall: belopp(r.siffror?.utfall_ack),
      avvikelse: belopp(r.siffror?.avvikelse),
      procent: r.siffror?.procent == null ? '–' : formatProcent(r.siffror.procent),
      farg: fargFor(r.siffror?.avvikelse),
      vikt: ärSumma(r) ? 'Bolder' : 'Default',
    })),
    harHelar,
    helarsrubrik: `Helår ${vy.period.slice(0, 4)}: årsbudget och prognos`,
    helar: tabell.map((r) => ({
      namn: radnamn(r, ärSumma(r) ? 'Summa' : r.namn),
      arsbudget: belopp(r.siffror?.budget_helar),
      prognos: belopp(r.siffror?.prognos_helar),
      avvikelse: belopp(r.siffror?.prognosavvikelse),
      farg: fargFor(r.siffror?.prognosavvikelse),
      vikt: ärSumma(r) ? 'Bolder' : 'Default',
    })),
    noter,
    harKorrigeringar: korrigeringar.length > 0,
    korrigeringar,
    harKommentarer: kommentarer.length > 0,
    kommentarer,
    harAtgarder: planer.length > 0,
    atgardsrubrik: `Åtgärdsplaner ${vy.atgarder.ar}`,
    atgarder: planer,
    knappar: personligChatt
      ? [
          { titel: 'Excel', format: 'xlsx' },
          { titel: 'Word', format: 'docx' },
        ]
      : [],
    filnotis,
    enhetId: vy.enhetId,
    period: vy.period,
  };
  return {
    text: rapporttext(vy, { ejRapporterat, noter, korrigeringar, kommentarer, planer, filnotis, notering }),
    kort: { mall: 'manadsrapport', data: kort },
    kontext: { enhet: vy.enhetId, period: vy.period, avsikt: 'manadsrapport' },
  };
}

function radtext(r: Rapportrad, namn: string): string {
  const s = r.siffror;
  if (!s) return `${namn}: ej rapporterat`;
  const procent = s.procent === null ? '' : ` (${formatProcent(s.procent)})`;
  const helar =
    s.budget_helar !== null || s.prognos_helar !== null
      ? `; årsbudget ${belopp(s.budget_helar)}, helårsprognos ${belopp(s.prognos_helar)}, prognosavvikelse ${belopp(s.prognosavvikelse)}`
      : '';
  return `${namn}: budget ${formatTal(s.budget_ack)}, utfall ${formatTal(s.utfall_ack)}, avvikelse ${formatTal(s.avvikelse)}${procent}${helar}`;
}

function rapporttext(
  vy: Manadsrapport,
  d: {
    ejRapporterat: string | null;
    noter: string[];
    korrigeringar: string[];
    kommentarer: Array<{ rubrik: string; rader: string[] }>;
    planer: string[];
    filnotis: string;
    notering?: string;
  },
): string {
  const delar: string[] = [];
  if (d.notering) delar.push(d.notering);
  delar.push(`**${rapportrubrik(vy)}** (tkr)`);
  if (d.ejRapporterat) delar.push(d.ejRapporterat);
  const rader = vy.rader.map((r) => `- ${radtext(r, radnamn(r))}`);
  rader.push(`- **${radtext(vy.summa, radnamn(vy.summa, vy.rader.length ? `Summa ${vy.enhetsnamn}` : vy.enhetsnamn))}**`);
  delar.push(rader.join('\n'));
  delar.push(d.noter.join(' '));
  if (d.korrigeringar.length) delar.push(`Rättat sedan förra rapporten:\n${d.korrigeringar.map((k) => `- ${k}`).join('\n')}`);
  if (d.kommentarer.length)
    delar.push(`Kommentarer:\n\n${d.kommentarer.map((g) => `**${g.rubrik}**\n${g.rader.map((r) => `- ${r}`).join('\n')}`).join('\n\n')}`);
  if (d.planer.length) delar.push(`Åtgärdsplaner ${vy.atgarder.ar}:\n${d.planer.map((p) => `- ${p}`).join('\n')}`);
  delar.push(d.filnotis);
  return delar.join('\n\n');
}

export function arFilformat(v: unknown): v is Filformat {
  return (FILFORMAT as readonly unknown[]).includes(v);
}
