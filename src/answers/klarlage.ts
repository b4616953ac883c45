import { klarmarkeringFor } from '../domain/klarmarkering.js';
import { type Period, periodNamn } from '../domain/period.js';
import { rundanAnvands } from '../domain/rapporteringsplan.js';
import type { Register } from '../domain/register.js';
import { somSkrivet } from '../domain/markdown.js';
import { vemNamn } from './historik.js';
import { datumKort } from './ord.js';

/**
 * One line on whether a month is final: "Klarmarkerad 8 dec 2025 av Alex Wilber." or "Preliminär: …".
 * Only where the municipality runs the reporting round (a deadline set or a month marked); otherwise null.
 */
export function klarlageText(reg: Register, enhetId: string, period: Period): string | null {
  if (!rundanAnvands(reg)) return null;
  const m = klarmarkeringFor(reg, enhetId, period);
  if (!m) return `Preliminär: ${periodNamn(period)} är inte klarmarkerad ännu.`;
  const vilken = m.enhet === enhetId ? '' : ` (för ${reg.enhet(m.enhet)?.namn ?? m.enhet})`;
  return `Klarmarkerad ${datumKort(m.tid)} av ${vemNamn(reg, m.av)}${vilken}.`;
}

/** Versions of the unit's or its units' figures corrected after the month was marked ready, with why; at most three. */
export function korrigeringsrader(reg: Register, enhetId: string, period: Period): string[] {
  // only a month once marked ready can have been corrected after the mark
  if (!reg.dokument.klarmarkeringar.length) return [];
  const ut: string[] = [];
  for (const e of [reg.enhet(enhetId), ...reg.underliggande(enhetId)]) {
    if (!e) continue;
    const rad = reg.senasteVersion(e.id, period);
    if (!rad?.korrigering) continue;
    const vem = `${datumKort(rad.rapporterad)} av ${vemNamn(reg, rad.rapporterad_av)}`;
    ut.push(
      `Korrigerad efter klarmarkeringen${e.id === enhetId ? '' : `: ${e.namn}`} (${vem}, version ${rad.version}): ${somSkrivet(rad.korrigering)}`,
    );
    if (ut.length === 3) break;
  }
  return ut;
}
