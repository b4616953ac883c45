import { type Period, år, foregaende, forskjut, manad, periodNamn, tillOchMedText } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { senastePeriodFor, siffrorFor } from '../domain/siffror.js';
import type { Enhet } from '../domain/schema.js';
import type { Fraga } from '../language/tolka.js';
import type { Svarsmiljo } from './svar.js';

export type Periodval = { ok: true; period: Period; notering?: string } | { ok: false; text: string };

/**
 * Turns what the question said about time into a month with data for the unit.
 * No period means the latest with data; "förra månaden" the latest closed month with data.
 */
export function valjPeriod(fraga: Fraga, enhet: Enhet, m: Svarsmiljo): Periodval {
  const reg = m.register;
  const senaste = senastePeriodFor(reg, enhet.id, m.nu);
  if (!senaste) return { ok: false, text: `Det finns inga siffror för ${enhet.namn} ännu.` };
  const tid = fraga.tid;
  let onskad: Period | null = tid.period ?? null;
  if (!onskad && tid.relativ === 'senaste_stangda') onskad = senastePeriodFor(reg, enhet.id, foregaende(m.nu));
  if (!onskad && tid.relativ === 'i_ar') {
    onskad = senaste.slice(0, 4) === m.nu.slice(0, 4) ? senaste : null;
    if (!onskad)
      return {
        ok: false,
        text: `Det finns inga siffror för ${enhet.namn} för ${m.nu.slice(0, 4)} ännu; senaste period är ${periodOrd(reg, enhet.id, senaste)}.`,
      };
  }
  if (!onskad && m.kontext?.period && fraga.enheter.length === 0 && m.kontext.enhet === enhet.id) onskad = m.kontext.period;
  if (!onskad) return senasteKompletta(enhet, senaste, m);
  if (onskad.slice(5) === '12' && tid.relativ === 'i_fjol') onskad = senastePeriodFor(reg, enhet.id, onskad) ?? onskad;
  if (!reg.perioderFor(enhet.id).includes(onskad)) {
    // "hur gick hemtjänsten 2023?": the year, not its December
    const fragad = tid.helar ? `för ${onskad.slice(0, 4)}` : tillOchMedText(onskad);
    const sist = periodOrd(reg, enhet.id, senaste);
    return {
      ok: false,
      text:
        onskad > senaste
          ? `Det finns inga siffror för ${enhet.namn} ${fragad} ännu. Senaste rapporterade period är ${sist}.`
          : `Det finns inga siffror för ${enhet.namn} ${fragad}; de saknas i uppföljningen. Fråga gärna om en annan period; senaste är ${sist}.`,
    };
  }
  return { ok: true, period: onskad };
}

/** How many of the units below have reported for a month, against how many usually do. */
export interface Komplettering {
  antal: number;
  /** the most that reported in any of the twelve months up to this one */
  forvantat: number;
  komplett: boolean;
  /** the latest month up to this one where all that usually report had reported */
  senasteKompletta: Period | null;
}

export function komplettering(reg: Register, enhetId: string, p: Period): Komplettering | null {
  const antal = (q: Period) => {
    const s = siffrorFor(reg, enhetId, q);
    return s ? (s.rapporterade?.antal ?? null) : 0;
  };
  const här = antal(p);
  if (här === null) return null;
  const tidigare = reg.perioderFor(enhetId).filter((q) => q <= p && q >= forskjut(p, -12));
  const forvantat = Math.max(här, ...tidigare.map((q) => antal(q) ?? 0));
  let senasteKompletta: Period | null = null;
  for (const q of [...tidigare].reverse()) {
    if ((antal(q) ?? forvantat) >= forvantat) {
      senasteKompletta = q;
      break;
    }
  }
  return { antal: här, forvantat, komplett: här >= forvantat, senasteKompletta };
}

/**
 * Without a period, a month where fewer units have reported than usually do is not yet the picture a manager
 * wants: answer for the latest complete month and say why.
 */
function senasteKompletta(enhet: Enhet, senaste: Period, m: Svarsmiljo): Periodval {
  const k = komplettering(m.register, enhet.id, senaste);
  if (!k || k.komplett || !k.senasteKompletta) return { ok: true, period: senaste };
  return {
    ok: true,
    period: k.senasteKompletta,
    notering: `För ${periodNamn(senaste)} har bara ${k.antal} av ${k.forvantat} enheter rapporterat ännu, så svaret gäller ${periodNamn(k.senasteKompletta)}, senaste kompletta månad. Fråga om "${periodNamn(senaste).split(' ')[0]}" för det som har rapporterats.`,
  };
}

/**
 * A year whose only figures are December's is an annual report (bokslut): the answer speaks of "helåret 2024",
 * never of "december 2024", and has no month before it to compare with.
 */
export function ärHelår(reg: Register, enhetId: string, p: Period): boolean {
  if (manad(p) !== 12) return false;
  const aret = p.slice(0, 4);
  return !reg.perioderFor(enhetId).some((q) => q !== p && q.startsWith(aret));
}

/** "helåret 2024" for an annual report, otherwise "t.o.m. november 2025". */
export function tomText(reg: Register, enhetId: string, p: Period): string {
  return ärHelår(reg, enhetId, p) ? `helåret ${år(p)}` : tillOchMedText(p);
}

/** "helåret 2024" for an annual report, otherwise "november 2025". */
export function periodOrd(reg: Register, enhetId: string, p: Period): string {
  return ärHelår(reg, enhetId, p) ? `helåret ${år(p)}` : periodNamn(p);
}
