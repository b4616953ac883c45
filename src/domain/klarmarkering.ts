import { fårRapportera } from './behorighet.js';
import type { Period } from './period.js';
import type { Register } from './register.js';
import type { Anvandare, Klarmarkering } from './schema.js';

/**
 * The mark that makes a unit's month ready: its own, or the nearest unit's above it (a nämnd marked ready
 * is ready with everything below it). undefined while the month is preliminary.
 */
export function klarmarkeringFor(reg: Register, enhetId: string, period: Period): Klarmarkering | undefined {
  const marker = reg.dokument.klarmarkeringar;
  if (!marker.length) return undefined;
  for (const e of reg.kedja(enhetId)) {
    const m = marker.find((k) => k.enhet === e.id && k.period === period);
    if (m?.klar) return m;
  }
  return undefined;
}

/** Whether a unit's figures for a month are marked ready (for it or a unit above it); otherwise they are preliminary. */
export function arKlarmarkerad(reg: Register, enhetId: string, period: Period): boolean {
  return klarmarkeringFor(reg, enhetId, period) !== undefined;
}

/**
 * Who may mark a month ready or unmark it: an admin, or a controller for the unit (or a unit above it),
 * and only for a unit that has units below it: the one who checks the figures of others.
 */
export function fårKlarmarkera(anvandare: Anvandare | undefined, enhetId: string, reg: Register): boolean {
  if (!reg.enhet(enhetId) || reg.barnTill(enhetId).length === 0) return false;
  return fårRapportera(anvandare, enhetId, reg);
}
