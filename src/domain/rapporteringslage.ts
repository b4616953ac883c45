import { rapporterarSjalv } from './behorighet.js';
import type { Period } from './period.js';
import { type Frist, fristFor } from './rapporteringsplan.js';
import type { Register } from './register.js';
import type { Anvandare, Enhet, Konversation } from './schema.js';
import { type Datum, lokaltid } from './tidszon.js';

/** Where one unit stands in a month's round. */
export interface Enhetslage {
  enhet: Enhet;
  period: Period;
  /** rapporterad: has figures; saknas: not yet, deadline not passed (or none); sen: not yet, deadline passed */
  status: 'rapporterad' | 'saknas' | 'sen';
  /** when the month was first reported (ISO), and whether that was after the deadline */
  rapporterad: string | null;
  rapporteradAv: string | null;
  forSent: boolean;
  /** who is reminded: the unit's controllers (src/domain/rapporteringslage.ts ansvarigaFor) */
  ansvariga: Anvandare[];
  frist: Frist | null;
}

/**
 * Who answers for a unit's report: the controllers of the nearest unit up the tree that any controller has
 * in their list (a unit without a controller of its own is its nämnd controller's), else the admins.
 */
export function ansvarigaFor(reg: Register, enhetId: string): Anvandare[] {
  const controllers = [...reg.anvandare.values()].filter((a) => a.roll === 'controller');
  for (const e of reg.kedja(enhetId)) {
    const egna = controllers.filter((a) => a.enheter.includes(e.id));
    if (egna.length) return egna.sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
  }
  return [...reg.anvandare.values()].filter((a) => a.roll === 'admin').sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
}

/** The nämnd a unit belongs to (itself if it is one), else the top of the tree: where late reports are summed up. */
export function namndFor(reg: Register, enhetId: string): Enhet | undefined {
  const kedja = reg.kedja(enhetId);
  return kedja.find((e) => e.typ === 'nämnd') ?? kedja[kedja.length - 1];
}

/** The units in a scope that report figures of their own, in tree order: the ones the round waits for. */
export function rapporterandeEnheter(reg: Register, enhetId: string): Enhet[] {
  const rot = reg.enhet(enhetId);
  if (!rot) return [];
  return [rot, ...reg.underliggande(enhetId)].filter((e) => rapporterarSjalv(e, reg));
}

/** Whether the day is past the deadline: a report is late from the day after the last day. */
export function forSent(frist: Frist | null, datum: Datum): boolean {
  return frist?.typ === 'frist' && datum > frist.sistaDag;
}

export function enhetslage(reg: Register, enhet: Enhet, period: Period, idag: Datum): Enhetslage {
  const frist = fristFor(reg, enhet.id, period);
  const forsta = reg.versionerFor(enhet.id, period)[0];
  const rapporterad = forsta?.rapporterad ?? null;
  return {
    enhet,
    period,
    status: forsta ? 'rapporterad' : forSent(frist, idag) ? 'sen' : 'saknas',
    rapporterad,
    rapporteradAv: forsta?.rapporterad_av ?? null,
    forSent: rapporterad !== null && forSent(frist, lokaltid(new Date(rapporterad)).datum),
    ansvariga: ansvarigaFor(reg, enhet.id),
    frist,
  };
}

/** The user's personal chat with the bot, if they have installed it and it is still there. */
export function personligChatt(dok: { konversationer: readonly Konversation[] }, anvandareId: string): Konversation | undefined {
  return dok.konversationer.find((k) => k.aktiv && k.typ === 'personal' && chattensAnvandare(k) === anvandareId);
}

/** Whose a personal chat is: recorded at installation, or (for chats installed before that) its reference's user. */
export function chattensAnvandare(k: Konversation): string | null {
  if (k.typ !== 'personal') return null;
  if (k.anvandare) return k.anvandare;
  const user = (k.referens as { user?: { aadObjectId?: unknown; id?: unknown } }).user;
  return typeof user?.aadObjectId === 'string' ? user.aadObjectId : null;
}
