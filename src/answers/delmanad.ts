import { type Period, periodNamn } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { type Siffror, siffrorFor } from '../domain/siffror.js';
import type { Belopp } from './belopp.js';
import { avvikelseIOrd } from './ord.js';
import { komplettering } from './perioder.js';
import type { Svar } from './svar.js';

/**
 * A month that not all units below have reported is never shown as the parent's total: the answer leads with
 * that, gives the latest complete month's total, and lists what has been reported as the units' own figures.
 */
export function delmanad(reg: Register, enhetId: string, p: Period, belopp: Belopp): Svar | null {
  const k = komplettering(reg, enhetId, p);
  const enhet = reg.enhet(enhetId);
  if (!k || k.komplett || !enhet) return null;
  const rapporterade = reg
    .underliggande(enhetId)
    .map((e) => (reg.senasteVersion(e.id, p) ? siffrorFor(reg, e.id, p) : null))
    .filter((s): s is Siffror => s !== null);
  const rader = [
    `**${enhet.namn}, ${periodNamn(p)}: bara ${k.antal} av ${k.forvantat} enheter har rapporterat**`,
    `Siffrorna för ${periodNamn(p)} är inte kompletta och visas därför inte som ${enhet.namn}s total.`,
  ];
  const senast = k.senasteKompletta ? siffrorFor(reg, enhetId, k.senasteKompletta) : null;
  if (senast)
    rader.push(
      `Senaste kompletta månad är ${periodNamn(senast.period)} (${k.forvantat} av ${k.forvantat}): utfall ${belopp(senast.utfall_ack)} mot budget ${belopp(senast.budget_ack)}, ${avvikelseIOrd(senast.avvikelse, belopp)}.`,
    );
  rader.push(
    `Det som har rapporterats för ${periodNamn(p)}, enhetens egna siffror:\n\n${rapporterade
      .map(
        (s) =>
          `- ${s.enhet.namn}: utfall ${belopp(s.utfall_ack)} mot budget ${belopp(s.budget_ack)}, ${avvikelseIOrd(s.avvikelse, belopp)}`,
      )
      .join('\n')}`,
  );
  return { text: rader.join('\n\n'), kontext: { enhet: enhetId, period: k.senasteKompletta ?? p, avsikt: 'status' } };
}
