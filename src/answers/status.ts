import { type Period, foregaende, manad, manadsnamn, periodNamn, tillOchMedText } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { type Siffror, manadsvarde, siffrorFor } from '../domain/siffror.js';
import { formatForandring, formatProcent, formatTkr } from '../domain/tal.js';
import { atgardslage } from './atgardslage.js';
import { vemNamn } from './historik.js';
import { somSkrivet } from '../domain/markdown.js';
import { avvikelseIOrd, datumKort, forandringIOrd, prognosIOrd } from './ord.js';
import type { Svar } from './svar.js';
import { klarlageText, korrigeringsrader } from './klarlage.js';

/** The status of one unit for one period: what both the text and the card show. */
export interface Statusvy {
  rubrik: string;
  enhetId: string;
  enhetsnamn: string;
  period: Period;
  siffror: Siffror;
  verdikt: string;
  forandring: string | null;
  manad: { budget: number; utfall: number; avvikelse: number } | null;
  storstaAvvikelser: Array<{ namn: string; avvikelse: number; kommentar: string | null }>;
  kommentar: string | null;
  atgarder: string | null;
  rapporterade: string | null;
  korrigerad: string | null;
  /** the reporting round: "Klarmarkerad …" or "Preliminär: …", and corrections made after the mark */
  klarlage: string | null;
  korrigeringar: string[];
}

export function statusvy(reg: Register, enhetId: string, period: Period): Statusvy | null {
  const s = siffrorFor(reg, enhetId, period);
  if (!s) return null;
  const fore = manad(period) > 1 ? siffrorFor(reg, enhetId, foregaende(period)) : null;
  const barn = reg
    .barnTill(enhetId)
    .map((b) => ({ b, s: siffrorFor(reg, b.id, period) }))
    .filter((x): x is { b: typeof x.b; s: Siffror } => x.s !== null)
    .sort((a, b) => a.s.avvikelse - b.s.avvikelse);
  const rad = s.egenRad;
  return {
    rubrik: `${s.enhet.namn} ${tillOchMedText(period)}`,
    enhetId,
    enhetsnamn: s.enhet.namn,
    period,
    siffror: s,
    verdikt: avvikelseIOrd(s.avvikelse),
    forandring: fore ? `Sedan ${manadsnamn(fore.period)} ${forandringIOrd(fore.avvikelse, s.avvikelse)}.` : null,
    manad: manadsvarde(reg, enhetId, period),
    storstaAvvikelser: (s.avvikelse < 0 ? barn : [...barn].reverse()).slice(0, 3).map((x) => ({
      namn: x.b.namn,
      avvikelse: x.s.avvikelse,
      kommentar: x.s.egenRad?.kommentar ? somSkrivet(x.s.egenRad.kommentar) : null,
    })),
    kommentar: rad?.kommentar ? somSkrivet(rad.kommentar) : null,
    atgarder: atgardslage(reg, enhetId, period),
    rapporterade:
      s.rapporterade && s.rapporterade.antal < s.rapporterade.av
        ? `${s.rapporterade.antal} av ${s.rapporterade.av} enheter har rapporterat för ${periodNamn(period)}.`
        : null,
    korrigerad:
      rad && rad.version > 1
        ? `korrigerad ${datumKort(rad.rapporterad)} av ${vemNamn(reg, rad.rapporterad_av)} (version ${rad.version})`
        : null,
    klarlage: klarlageText(reg, enhetId, period),
    korrigeringar: korrigeringsrader(reg, enhetId, period),
  };
}

/** The controller's comment with when it was corrected, or just the correction when there is no comment. */
function kommentarrad(vy: Statusvy): string | null {
  if (vy.kommentar) return `Kommentar${vy.korrigerad ? ` (${vy.korrigerad})` : ''}: ${vy.kommentar}`;
  return vy.korrigerad ? `Siffrorna är ${vy.korrigerad}.` : null;
}

export function statusrader(vy: Statusvy, baraManaden = false): string[] {
  const s = vy.siffror;
  const rader: string[] = [];
  if (baraManaden && vy.manad) {
    const m = vy.manad;
    rader.push(`**${vy.enhetsnamn}, ${periodNamn(vy.period)} (bara månaden)**`);
    rader.push(`Utfall ${formatTkr(m.utfall)} mot budget ${formatTkr(m.budget)} för månaden: **${avvikelseIOrd(m.avvikelse)}**.`);
    rader.push(
      `Ackumulerat ${tillOchMedText(vy.period)}: ${avvikelseIOrd(s.avvikelse)} (${s.procent === null ? '–' : formatProcent(s.procent)} av budget).`,
    );
    return rader;
  }
  rader.push(`**${vy.rubrik}**`);
  rader.push(
    `Utfall ${formatTkr(s.utfall_ack)} mot budget ${formatTkr(s.budget_ack)}: **${vy.verdikt}**${s.procent === null ? '' : ` (${formatProcent(s.procent)} av budget)`}.`,
  );
  if (s.budget_helar !== null && s.prognos_helar !== null && s.prognosavvikelse !== null) {
    rader.push(
      `Helårsprognos ${formatTkr(s.prognos_helar)} mot årsbudget ${formatTkr(s.budget_helar)}: ${prognosIOrd(s.prognosavvikelse)}.`,
    );
  }
  if (vy.forandring) rader.push(vy.forandring);
  if (vy.storstaAvvikelser.length) {
    // With its own row, the unit's figures are not the sum of the units below; say whose these are.
    const rubrik = `${s.avvikelse < 0 ? 'Störst underskott' : 'Störst överskott'}${s.egenRad ? ' bland underenheterna' : ''}`;
    rader.push(
      `${rubrik}: ${vy.storstaAvvikelser.map((b) => `${b.namn} ${formatTkr(b.avvikelse)}${b.kommentar ? ` (${b.kommentar})` : ''}`).join(', ')}.`,
    );
  }
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
  return `${svar}, ${vy.enhetsnamn} ligger ${over ? 'över' : Math.abs(vy.siffror.avvikelse) < 0.05 ? 'i nivå med' : 'under'} budget ${tillOchMedText(vy.period)}.`;
}

export function statusSvar(vy: Statusvy, opts: { baraManaden?: boolean; jaNej?: boolean | null } = {}): Svar {
  const rader = statusrader(vy, opts.baraManaden);
  if (opts.jaNej !== undefined && opts.jaNej !== null) rader.unshift(jaNejRad(vy, opts.jaNej));
  const s = vy.siffror;
  const fakta = [
    { title: 'Budget t.o.m.', value: formatTkr(s.budget_ack) },
    { title: 'Utfall t.o.m.', value: formatTkr(s.utfall_ack) },
    { title: 'Avvikelse', value: `${formatTkr(s.avvikelse)}` },
    { title: 'Procent av budget', value: s.procent === null ? '–' : formatProcent(s.procent) },
  ];
  if (s.budget_helar !== null) fakta.push({ title: 'Årsbudget', value: formatTkr(s.budget_helar) });
  if (s.prognos_helar !== null) fakta.push({ title: 'Helårsprognos', value: formatTkr(s.prognos_helar) });
  if (s.prognosavvikelse !== null) fakta.push({ title: 'Prognosavvikelse', value: `${formatTkr(s.prognosavvikelse)}` });
  if (vy.manad) fakta.push({ title: `Bara ${manadsnamn(vy.period)}`, value: `${formatForandring(vy.manad.avvikelse)} tkr` });
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
          vy.forandring,
          kommentarrad(vy),
          vy.atgarder,
          vy.rapporterade,
          ...vy.korrigeringar,
          vy.klarlage,
        ].filter((r): r is string => Boolean(r)),
        barn: vy.storstaAvvikelser.map((b) => ({
          namn: b.namn,
          avvikelse: `${formatTkr(b.avvikelse)}${b.kommentar ? ` (${b.kommentar})` : ''}`,
        })),
        harBarn: vy.storstaAvvikelser.length > 0,
        barnRubrik: s.egenRad ? 'Störst avvikelse bland underenheterna' : 'Störst avvikelse',
        enhet: vy.enhetsnamn,
        enhetId: vy.enhetId,
        period: vy.period,
      },
    },
    kontext: { enhet: vy.enhetId, period: vy.period, avsikt: 'status' },
  };
}
