import { ATGARDSSTATUS, type Atgard, type Enhet, type Utfall } from '../domain/schema.js';
import { type Period, manadsnamn, periodNamn, år } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { type Siffror, avvikelse, siffrorFor } from '../domain/siffror.js';
import { avrunda } from '../domain/tal.js';
import { vemNamn } from './historik.js';
import { ärHelår, tomText } from './perioder.js';

/**
 * The nämnd's monthly report (the protocol table of seed 003): one row per unit on the level below, the
 * sum row, who has not reported, corrections, comments and the action plans. The card, the text, the
 * workbook and the Word document are all written from this one model; its figures are the answers' own
 * (`siffrorFor`), as numbers in tkr, formatted by each writer at its edge.
 */
export interface Manadsrapport {
  enhetId: string;
  enhetsnamn: string;
  period: Period;
  /** "november 2025" */
  periodnamn: string;
  /** "november" */
  manad: string;
  /** a year whose only figures are December's: an annual report (bokslut), spoken of as the year, never as December */
  helar: boolean;
  /** "t.o.m. november 2025", or "helåret 2024" for an annual report */
  tom: string;
  /** what the amount columns are headed by: "t.o.m. november", or "2024" for an annual report */
  kolumn: string;
  /** the day the report was made (ISO date, from the injected clock) */
  datum: string;
  /** one row per unit on the level below, in the organisation's order; empty for a unit without units below */
  rader: Rapportrad[];
  /** the unit's own figures, which is what the nämnd decides on: equal to the rows' sum when it has no row of its own */
  summa: Rapportrad;
  /** units below that have not reported for the month, in the organisation's order: the sums lack them */
  ejRapporterade: Array<{ id: string; namn: string }>;
  /**
   * When the unit reported a row of its own, its figures are that row, not the rows' sum: the difference in
   * avvikelse (own − sum), or null when there is none to tell.
   */
  egenRadMotSumma: number | null;
  /** versions after the first for the month, newest first */
  korrigeringar: Korrigering[];
  atgarder: Atgardssammanstallning;
}

export interface Rapportsiffror {
  budget_ack: number;
  utfall_ack: number;
  /** budget − utfall: negative is underskott */
  avvikelse: number;
  /** utfall / budget × 100 */
  procent: number | null;
  budget_helar: number | null;
  prognos_helar: number | null;
  prognosavvikelse: number | null;
}

export interface Rapportrad {
  enhetId: string;
  namn: string;
  /** null: nothing reported for the month */
  siffror: Rapportsiffror | null;
  /** for a sum of units below: how many have reported, when not all */
  rapporterade: { antal: number; av: number } | null;
  /** the row's own comment first, then those of the units it sums */
  kommentarer: Array<{ enhet: string; text: string }>;
  /** a unit in the row has a corrected version for the month */
  korrigerad: boolean;
}

/**
 * A correction: the month's figures for a unit got a version after the first one, that is, after they were
 * first reported (and so after any report built from them).
 */
export interface Korrigering {
  enhetId: string;
  namn: string;
  /** the row of the report it belongs to (the unit itself for the sum row) */
  radEnhet: string;
  version: number;
  /** ISO time of the latest version */
  tid: string;
  av: string;
  /** avvikelse as first reported and as now */
  forst: number;
  nu: number;
}

export interface Plansammanstallning {
  enhetId: string;
  enhet: string;
  /** the plan's name, when the store has one */
  plan: string | null;
  sparbeting: number | null;
  antal: number;
  perStatus: Record<Atgard['status'], number>;
  /** planned and realised savings for the report's year */
  planerat: number;
  realiserat: number;
}

export interface Atgardssammanstallning {
  ar: number;
  planer: Plansammanstallning[];
  atgarder: Array<{
    enhetId: string;
    enhet: string;
    nr: number;
    atgard: string;
    ansvarig: string;
    kategori: Atgard['kategori'];
    status: Atgard['status'];
    planerat: number | null;
    realiserat: number | null;
    kommentar: string | null;
  }>;
  totalt: { antal: number; perStatus: Record<Atgard['status'], number>; planerat: number; realiserat: number };
}

function rapportsiffror(s: Siffror): Rapportsiffror {
  return {
    budget_ack: s.budget_ack,
    utfall_ack: s.utfall_ack,
    avvikelse: s.avvikelse,
    procent: s.procent,
    budget_helar: s.budget_helar,
    prognos_helar: s.prognos_helar,
    prognosavvikelse: s.prognosavvikelse,
  };
}

/**
 * The units whose rows make up a unit's figures for the month, as `siffrorFor` sums them: the unit's own
 * row when it has one, otherwise what each unit below contributes. Units without a row and without units
 * below are the ones missing.
 */
function underlag(reg: Register, enhet: Enhet, period: Period): { rader: Array<{ enhet: Enhet; rad: Utfall }>; saknas: Enhet[] } {
  const rader: Array<{ enhet: Enhet; rad: Utfall }> = [];
  const saknas: Enhet[] = [];
  const besok = (e: Enhet) => {
    const rad = reg.senasteVersion(e.id, period);
    if (rad) return void rader.push({ enhet: e, rad });
    const barn = reg.barnTill(e.id);
    if (!barn.length) return void saknas.push(e);
    for (const b of barn) besok(b);
  };
  besok(enhet);
  return { rader, saknas };
}

function rad(reg: Register, enhet: Enhet, period: Period): { rad: Rapportrad; korrigeringar: Korrigering[]; saknas: Enhet[] } {
  const s = siffrorFor(reg, enhet.id, period);
  const u = underlag(reg, enhet, period);
  const korrigeringar: Korrigering[] = [];
  for (const { enhet: e, rad: senaste } of u.rader) {
    if (senaste.version <= 1) continue;
    const forsta = reg.versionerFor(e.id, period)[0];
    korrigeringar.push({
      enhetId: e.id,
      namn: e.namn,
      radEnhet: enhet.id,
      version: senaste.version,
      tid: senaste.rapporterad,
      av: vemNamn(reg, senaste.rapporterad_av),
      forst: avvikelse(forsta.budget_ack, forsta.utfall_ack),
      nu: avvikelse(senaste.budget_ack, senaste.utfall_ack),
    });
  }
  const kommentarer = u.rader
    .filter(({ rad: r }) => r.kommentar && r.kommentar.trim())
    .map(({ enhet: e, rad: r }) => ({ enhet: e.namn, text: r.kommentar!.trim() }));
  return {
    rad: {
      enhetId: enhet.id,
      namn: enhet.namn,
      siffror: s ? rapportsiffror(s) : null,
      rapporterade: s?.rapporterade && s.rapporterade.antal < s.rapporterade.av ? { ...s.rapporterade } : null,
      kommentarer,
      korrigerad: korrigeringar.length > 0,
    },
    korrigeringar,
    saknas: u.saknas,
  };
}

function tomStatus(): Record<Atgard['status'], number> {
  return Object.fromEntries(ATGARDSSTATUS.map((s) => [s, 0])) as Record<Atgard['status'], number>;
}

function atgardssammanstallning(reg: Register, enhet: Enhet, period: Period): Atgardssammanstallning {
  const ar = år(period);
  const nyckel = String(ar);
  const planer: Plansammanstallning[] = [];
  const atgarder: Atgardssammanstallning['atgarder'] = [];
  const totalt = { antal: 0, perStatus: tomStatus(), planerat: 0, realiserat: 0 };
  for (const e of [enhet, ...reg.underliggande(enhet.id)]) {
    const egna = reg.atgarder(e.id);
    if (!egna.length) continue;
    const plan = reg.atgardsplan(e.id);
    const p: Plansammanstallning = {
      enhetId: e.id,
      enhet: e.namn,
      plan: plan?.namn || null,
      sparbeting: plan?.sparbeting ?? null,
      antal: egna.length,
      perStatus: tomStatus(),
      planerat: 0,
      realiserat: 0,
    };
    for (const a of egna) {
      const planerat = a.plan[nyckel] ?? null;
      const realiserat = a.utfall[nyckel] ?? null;
      p.perStatus[a.status]++;
      p.planerat += planerat ?? 0;
      p.realiserat += realiserat ?? 0;
      atgarder.push({
        enhetId: e.id,
        enhet: e.namn,
        nr: a.nr,
        atgard: a.atgard,
        ansvarig: a.ansvarig,
        kategori: a.kategori,
        status: a.status,
        planerat,
        realiserat,
        kommentar: a.kommentar?.trim() || null,
      });
    }
    p.planerat = avrunda(p.planerat, 4);
    p.realiserat = avrunda(p.realiserat, 4);
    planer.push(p);
    totalt.antal += p.antal;
    for (const s of ATGARDSSTATUS) totalt.perStatus[s] += p.perStatus[s];
    totalt.planerat = avrunda(totalt.planerat + p.planerat, 4);
    totalt.realiserat = avrunda(totalt.realiserat + p.realiserat, 4);
  }
  return { ar, planer, atgarder, totalt };
}

/** The report for a unit and a month; null when the unit is unknown. */
export function manadsrapport(reg: Register, enhetId: string, period: Period, idag: Date): Manadsrapport | null {
  const enhet = reg.enhet(enhetId);
  if (!enhet) return null;
  const helar = ärHelår(reg, enhet.id, period);
  const barn = reg.barnTill(enhet.id);
  const byggda = barn.map((b) => rad(reg, b, period));
  const egen = rad(reg, enhet, period);
  const egenRad = reg.senasteVersion(enhet.id, period);
  // With units below, the rows carry their comments and corrections; the sum row keeps only the unit's own row.
  const summa: Rapportrad = barn.length
    ? {
        ...egen.rad,
        kommentarer: egenRad?.kommentar?.trim() ? [{ enhet: enhet.namn, text: egenRad.kommentar.trim() }] : [],
        korrigerad: (egenRad?.version ?? 0) > 1,
      }
    : egen.rad;
  const korrigeringar = barn.length
    ? [...byggda.flatMap((b) => b.korrigeringar), ...(egenRad ? egen.korrigeringar : [])]
    : egen.korrigeringar;
  return {
    enhetId: enhet.id,
    enhetsnamn: enhet.namn,
    period,
    periodnamn: periodNamn(period),
    manad: manadsnamn(period),
    helar,
    tom: tomText(reg, enhet.id, period),
    kolumn: helar ? String(år(period)) : `t.o.m. ${manadsnamn(period)}`,
    datum: idag.toISOString().slice(0, 10),
    rader: byggda.map((b) => b.rad),
    summa,
    ejRapporterade: (barn.length ? byggda.flatMap((b) => b.saknas) : egen.saknas).map((e) => ({ id: e.id, namn: e.namn })),
    egenRadMotSumma: egenRad ? egenRadMotSumma(egenRad, byggda) : null,
    korrigeringar: korrigeringar.sort((a, b) => (a.tid < b.tid ? 1 : a.tid > b.tid ? -1 : 0)),
    atgarder: atgardssammanstallning(reg, enhet, period),
  };
}

function egenRadMotSumma(egen: Utfall, byggda: Array<{ rad: Rapportrad }>): number | null {
  const rader = byggda.map((b) => b.rad.siffror).filter((s): s is Rapportsiffror => s !== null);
  if (!rader.length) return null;
  const summa = avvikelse(
    rader.reduce((s, r) => s + r.budget_ack, 0),
    rader.reduce((s, r) => s + r.utfall_ack, 0),
  );
  const skillnad = avrunda(avvikelse(egen.budget_ack, egen.utfall_ack) - summa, 4);
  return Math.abs(skillnad) < 0.05 ? null : skillnad;
}
