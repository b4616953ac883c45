import { type Period, foregaende, periodNamn, tillOchMedText } from '../domain/period.js';
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
        text: `Det finns inga siffror för ${enhet.namn} för ${m.nu.slice(0, 4)} ännu; senaste period är ${periodNamn(senaste)}.`,
      };
  }
  if (!onskad && m.kontext?.period && fraga.enheter.length === 0 && m.kontext.enhet === enhet.id) onskad = m.kontext.period;
  if (!onskad) return senasteKompletta(enhet, senaste, m);
  if (onskad.slice(5) === '12' && tid.relativ === 'i_fjol') onskad = senastePeriodFor(reg, enhet.id, onskad) ?? onskad;
  if (!reg.perioderFor(enhet.id).includes(onskad)) {
    return {
      ok: false,
      text:
        onskad > senaste
          ? `Det finns inga siffror för ${enhet.namn} ${tillOchMedText(onskad)} ännu. Senaste rapporterade period är ${periodNamn(senaste)}.`
          : `Det finns inga siffror för ${enhet.namn} ${tillOchMedText(onskad)}. Fråga gärna om en annan månad; senaste är ${periodNamn(senaste)}.`,
    };
  }
  return { ok: true, period: onskad };
}

/**
 * Without a period, a month where fewer units have reported than the month before is not yet the
 * picture a manager wants: answer for the month before and say why.
 */
function senasteKompletta(enhet: Enhet, senaste: Period, m: Svarsmiljo): Periodval {
  const nu = siffrorFor(m.register, enhet.id, senaste);
  const fore = siffrorFor(m.register, enhet.id, foregaende(senaste));
  if (!nu?.rapporterade || !fore?.rapporterade || nu.rapporterade.antal >= fore.rapporterade.antal) return { ok: true, period: senaste };
  return {
    ok: true,
    period: fore.period,
    notering: `För ${periodNamn(senaste)} har bara ${nu.rapporterade.antal} av ${fore.rapporterade.antal} enheter rapporterat ännu, så svaret gäller ${periodNamn(fore.period)}. Fråga om "${periodNamn(senaste).split(' ')[0]}" för de siffror som finns.`,
  };
}
