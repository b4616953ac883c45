import type { Period } from '../domain/period.js';
import { siffrorFor } from '../domain/siffror.js';
import { atgarderSomRor } from './atgarder.js';
import type { Knappar } from './status.js';
import type { Svarsmiljo } from './svar.js';

/**
 * Which buttons have something to show: a trend needs two months, a breakdown a part, measures a measure,
 * a forecast a forecast for the month.
 */
export function knapparFor(m: Svarsmiljo, enhetId: string, period: Period): Knappar {
  const reg = m.register;
  const enhet = reg.enhet(enhetId);
  const perioder = reg.perioderFor(enhetId);
  return {
    trend: perioder.filter((p) => p.slice(0, 4) === period.slice(0, 4) && p <= period).length > 1,
    delar: reg.barnTill(enhetId).some((b) => siffrorFor(reg, b.id, period) !== null),
    atgarder: enhet ? atgarderSomRor(reg, m.index, enhet).length > 0 : false,
    prognos: (siffrorFor(reg, enhetId, period)?.prognos_helar ?? null) !== null,
  };
}
