import { type Period, foregaende, manad, manadsnamn, periodNamn } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { type Siffror, manadsvarde, siffrorFor } from '../domain/siffror.js';
import { formatForandring, formatProcent, formatTkr } from '../domain/tal.js';
import { atgardslage } from './atgardslage.js';
import { type Belopp, medTecken } from './belopp.js';
import { vemNamn } from './historik.js';
import { somSkrivet } from '../domain/markdown.js';
import { avvikelseIOrd, datumKort, forandringIOrd, prognosIOrd } from './ord.js';
import { ärHelår, periodOrd, tomText } from './perioder.js';
import type { Svar } from './svar.js';
import { klarlageText, korrigeringsrader } from './klarlage.js';

export interface Delrad {
  namn: string;
  avvikelse: number;
  /** the unit's own comment, shortened; the full text is in the breakdown */
  kommentar: string | null;
}

/** The status of one unit for one period: what both the text and the card show. */
export interface Statusvy {
  rubrik: string;
  enhetId: string;
  enhetsnamn: string;
  period: Period;
  /** "t.o.m. november 2025", or "helåret 2024" for an annual report */
  periodtext: string;
  siffror: Siffror;
  verdikt: string;
  forandring: string | null;
  manad: { budget: number; utfall: number; avvikelse: number } | null;
  /** the units below in deficit and in surplus, largest first: never one of the other sign */
  underskott: Delrad[];
  overskott: Delrad[];
  kommentar: string | null;
  atgarder: string | null;
  rapporterade: string | null;
  korrigerad: string | null;
  /** why no percentage of budget is shown (a budget of zero or below) */
  ingenProcent: string | null;
  belopp: Belopp;
  /** the reporting round: "Klarmarkerad …" or "Preliminär: …", and corrections made after the mark */
  klarlage: string | null;
  korrigeringar: string[];
}

const KOMMENTAR_I_STATUS = 90;

/** Without the spaces and , ; : it ends with; a loop, since a pattern anchored at the end is tried from every position. */
function utanSkiljetecken(text: string): string {
  let slut = text.length;
  while (slut > 0 && /[\s,;:]/.test(text[slut - 1])) slut--;
  return text.slice(0, slut);
}

/** A sub-unit's comment in the status answer: the first sentence, at most a line; "Bryt ned" shows it whole. */
export function kortKommentar(k: string): string {
  const forsta = /^(.{20,}?[.!?])(\s|$)/.exec(k)?.[1] ?? k;
  if (forsta.length <= KOMMENTAR_I_STATUS) return forsta;
  const kapad = forsta.slice(0, KOMMENTAR_I_STATUS);
  return `${utanSkiljetecken(kapad.slice(0, Math.max(kapad.lastIndexOf(' '), 40)))} …`;
}

/** Percent of budget only where it means something: a budget above zero. */
export function procentAvBudget(s: Siffror): number | null {
  return s.budget_ack > 0 ? s.procent : null;
}

export function ingenProcentText(s: Siffror, belopp: Belopp): string | null {
  if (s.budget_ack > 0) return null;
  return s.budget_ack === 0
    ? 'Ingen procent av budget: budgeten är 0 tkr.'
    : `Ingen procent av budget: budgeten är negativ (${belopp(s.budget_ack)}, en nettointäkt).`;
}

export function statusvy(reg: Register, enhetId: string, period: Period, belopp: Belopp = formatTkr): Statusvy | null {
  const s = siffrorFor(reg, enhetId, period);
  if (!s) return null;
  const helar = ärHelår(reg, enhetId, period);
  const fore = manad(period) > 1 && !helar ? siffrorFor(reg, enhetId, foregaende(period)) : null;
  const barn = reg
    .barnTill(enhetId)
    .map((b) => siffrorFor(reg, b.id, period))
    .filter((x): x is Siffror => x !== null);
  const delrad = (x: Siffror): Delrad => ({
    namn: x.enhet.namn,
    avvikelse: x.avvikelse,
    kommentar: x.egenRad?.kommentar ? somSkrivet(kortKommentar(x.egenRad.kommentar)) : null,
  });
  const rad = s.egenRad;
  const periodtext = tomText(reg, enhetId, period);
  return {
    rubrik: helar ? `${s.enhet.namn}, ${periodtext}` : `${s.enhet.namn} ${periodtext}`,
    enhetId,
    enhetsnamn: s.enhet.namn,
    period,
    periodtext,
    siffror: s,
    verdikt: avvikelseIOrd(s.avvikelse, belopp),
    forandring: fore ? `Sedan ${manadsnamn(fore.period)} ${forandringIOrd(fore.avvikelse, s.avvikelse, belopp)}.` : null,
    manad: helar ? null : manadsvarde(reg, enhetId, period),
    underskott: barn
      .filter((x) => x.avvikelse <= -0.05)
      .sort((a, b) => a.avvikelse - b.avvikelse)
      .slice(0, 3)
      .map(delrad),
    overskott: barn
      .filter((x) => x.avvikelse >= 0.05)
      .sort((a, b) => b.avvikelse - a.avvikelse)
      .slice(0, 3)
      .map(delrad),
    kommentar: rad?.kommentar ? somSkrivet(rad.kommentar) : null,
    atgarder: atgardslage(reg, enhetId, period),
    rapporterade:
      s.rapporterade && s.rapporterade.antal < s.rapporterade.av
        ? `${s.rapporterade.antal} av ${s.rapporterade.av} enheter har rapporterat för ${periodOrd(reg, enhetId, period)}.`
        : null,
    korrigerad:
      rad && rad.version > 1
        ? `korrigerad ${datumKort(rad.rapporterad)} av ${vemNamn(reg, rad.rapporterad_av)} (version ${rad.version})`
        : null,
    ingenProcent: ingenProcentText(s, belopp),
    belopp,
    klarlage: klarlageText(reg, enhetId, period),
    korrigeringar: korrigeringsrader(reg, enhetId, period),
  };
}

/** The controller's comment with when it was corrected, or just the correction when there is no comment. */
function kommentarrad(vy: Statusvy): string | null {
  if (vy.kommentar) return `Kommentar${vy.korrigerad ? ` (${vy.korrigerad})` : ''}: ${vy.kommentar}`;
  return vy.korrigerad ? `Siffrorna är ${vy.korrigerad}.` : null;
}

function delar(vy: Statusvy): Array<{ rubrik: string; rader: Delrad[] }> {
  // With its own row, the unit's figures are not the sum of the units below; say whose these are.
  const bland = vy.siffror.egenRad ? ' bland underenheterna' : '';
  const grupper = [
    { rubrik: `Störst underskott${bland}`, rader: vy.underskott },
    { rubrik: `Störst överskott${bland}`, rader: vy.overskott },
  ];
  const ut = vy.siffror.avvikelse < 0 ? grupper : grupper.reverse();
  return ut.filter((g) => g.rader.length);
}

function delradText(d: Delrad, belopp: Belopp): string {
  return `${d.namn} ${medTecken(d.avvikelse, belopp)}${d.kommentar ? ` (${d.kommentar})` : ''}`;
}

function procentText(vy: Statusvy): string {
  const p = procentAvBudget(vy.siffror);
  return p === null ? '' : ` (${formatProcent(p)} av budget)`;
}

export function statusrader(vy: Statusvy, baraManaden = false): string[] {
  const s = vy.siffror;
  const b = vy.belopp;
  const rader: string[] = [];
  if (baraManaden && vy.manad) {
    const m = vy.manad;
    const p = procentAvBudget(s);
    rader.push(`**${vy.enhetsnamn}, ${periodNamn(vy.period)} (bara månaden)**`);
    rader.push(`Utfall ${b(m.utfall)} mot budget ${b(m.budget)} för månaden: **${avvikelseIOrd(m.avvikelse, b)}**.`);
    rader.push(`Ackumulerat ${vy.periodtext}: ${avvikelseIOrd(s.avvikelse, b)}${p === null ? '' : ` (${formatProcent(p)} av budget)`}.`);
    return rader;
  }
  rader.push(`**${vy.rubrik}**`);
  rader.push(`Utfall ${b(s.utfall_ack)} mot budget ${b(s.budget_ack)}: **${vy.verdikt}**${procentText(vy)}.`);
  if (vy.ingenProcent) rader.push(vy.ingenProcent);
  if (s.budget_helar !== null && s.prognos_helar !== null && s.prognosavvikelse !== null) {
    rader.push(`Helårsprognos ${b(s.prognos_helar)} mot årsbudget ${b(s.budget_helar)}: ${prognosIOrd(s.prognosavvikelse, b)}.`);
  }
  if (vy.forandring) rader.push(vy.forandring);
  for (const g of delar(vy)) rader.push(`${g.rubrik}: ${g.rader.map((d) => delradText(d, b)).join(', ')}.`);
  const kommentar = kommentarrad(vy);
  if (kommentar) rader.push(kommentar);
  if (vy.atgarder) rader.push(vy.atgarder);
  if (vy.rapporterade) rader.push(vy.rapporterade);
  rader.push(...vy.korrigeringar);
  if (vy.klarlage) rader.push(vy.klarlage);
  return rader;
}

/** "ligger hemtjänsten över budget?": yes or no first, then the figures. */
export function jaNejRad(vy: Statusvy, fragaOmOver: boolean): string {
  const over = vy.siffror.avvikelse < 0;
  const svar = fragaOmOver === over ? 'Ja' : 'Nej';
  const helar = vy.periodtext.startsWith('helåret');
  const verb = helar ? 'gick' : 'ligger';
  return `${svar}, ${vy.enhetsnamn} ${verb} ${over ? 'över' : Math.abs(vy.siffror.avvikelse) < 0.05 ? 'i nivå med' : 'under'} budget ${vy.periodtext}.`;
}

/** What the status card's buttons may lead to; a button without something to show is not drawn. */
export interface Knappar {
  trend: boolean;
  delar: boolean;
  atgarder: boolean;
  prognos: boolean;
}

export function statusSvar(vy: Statusvy, opts: { baraManaden?: boolean; jaNej?: boolean | null; knappar?: Knappar } = {}): Svar {
  const rader = statusrader(vy, opts.baraManaden);
  if (opts.jaNej !== undefined && opts.jaNej !== null) rader.unshift(jaNejRad(vy, opts.jaNej));
  const s = vy.siffror;
  const b = vy.belopp;
  const helar = vy.periodtext.startsWith('helåret');
  const p = procentAvBudget(s);
  const fakta = [
    { title: helar ? 'Budget' : 'Budget t.o.m.', value: b(s.budget_ack) },
    { title: helar ? 'Utfall' : 'Utfall t.o.m.', value: b(s.utfall_ack) },
    { title: 'Avvikelse', value: `${b(s.avvikelse)}` },
    { title: 'Procent av budget', value: p === null ? '–' : formatProcent(p) },
  ];
  if (s.budget_helar !== null && !helar) fakta.push({ title: 'Årsbudget', value: b(s.budget_helar) });
  if (s.prognos_helar !== null) fakta.push({ title: 'Helårsprognos', value: b(s.prognos_helar) });
  if (s.prognosavvikelse !== null) fakta.push({ title: 'Prognosavvikelse', value: `${b(s.prognosavvikelse)}` });
  if (vy.manad) fakta.push({ title: `Bara ${manadsnamn(vy.period)}`, value: `${formatForandring(vy.manad.avvikelse)} tkr` });
  const grupper = delar(vy);
  const knappar = opts.knappar ?? { trend: true, delar: grupper.length > 0, atgarder: vy.atgarder !== null };
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'status',
      data: {
        rubrik: vy.rubrik,
        verdikt: vy.verdikt.charAt(0).toUpperCase() + vy.verdikt.slice(1),
        farg: s.avvikelse < 0 ? 'Attention' : 'Good',
        fakta,
        detaljer: [
          ...(opts.jaNej !== undefined && opts.jaNej !== null ? [rader[0]] : []),
          vy.ingenProcent,
          vy.forandring,
          kommentarrad(vy),
          vy.atgarder,
          vy.rapporterade,
          ...vy.korrigeringar,
          vy.klarlage,
        ].filter((r): r is string => Boolean(r)),
        barn: grupper.flatMap((g) =>
          g.rader.map((d) => ({
            namn: d.namn,
            avvikelse: `${medTecken(d.avvikelse, b)} ${d.avvikelse < 0 ? 'underskott' : 'överskott'}${d.kommentar ? ` (${d.kommentar})` : ''}`,
          })),
        ),
        harBarn: grupper.length > 0,
        barnRubrik: grupper.map((g, i) => (i ? g.rubrik.toLowerCase() : g.rubrik)).join(' och '),
        enhet: vy.enhetsnamn,
        enhetId: vy.enhetId,
        period: vy.period,
        visaTrend: knappar.trend,
        visaDelar: knappar.delar,
        visaAtgarder: knappar.atgarder,
      },
    },
    kontext: { enhet: vy.enhetId, period: vy.period, avsikt: 'status' },
  };
}
