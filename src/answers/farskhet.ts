import { type Period, periodNamn } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Enhet, Utfall } from '../domain/schema.js';
import { senastePeriodFor } from '../domain/siffror.js';
import { datumKort } from './ord.js';
import { komplettering, periodOrd } from './perioder.js';
import type { Svar, Svarsmiljo } from './svar.js';

/**
 * Which figures a unit's latest answers rest on: "Senaste kompletta månad: november 2025 (9 av 9); december
 * 2025: 1 av 9 har rapporterat." A partial month is never given as the latest figures.
 */
export function farskhetsrad(reg: Register, enhet: Enhet, nu: Period): string | null {
  const senaste = senastePeriodFor(reg, enhet.id, nu);
  if (!senaste) return null;
  const k = komplettering(reg, enhet.id, senaste);
  if (!k) return `Senaste siffrorna gäller ${periodOrd(reg, enhet.id, senaste)}.`;
  if (k.komplett) return `Senaste kompletta månad: ${periodOrd(reg, enhet.id, senaste)} (${k.antal} av ${k.forvantat}).`;
  const forsta = k.senasteKompletta ? `${periodOrd(reg, enhet.id, k.senasteKompletta)} (${k.forvantat} av ${k.forvantat})` : 'ingen ännu';
  return `Senaste kompletta månad: ${forsta}; ${periodNamn(senaste)}: ${k.antal} av ${k.forvantat} har rapporterat.`;
}

/** How fresh the figures are: the latest complete month, then per nämnd (the root's children) its latest period and who reported last. */
export function farskhetSvar(m: Svarsmiljo): Svar {
  const reg = m.register;
  const rot = reg.rot();
  if (!rot) return { text: 'Det finns inga enheter inlagda ännu.' };
  const grenar = reg.barnTill(rot.id).length ? reg.barnTill(rot.id) : [rot];
  const rader = grenar.map((g) => {
    const period = senastePeriodFor(reg, g.id, m.nu);
    if (!period) return `- ${g.namn}: inga siffror`;
    let senast: Utfall | undefined;
    for (const e of [g, ...reg.underliggande(g.id)]) {
      const v = reg.senasteVersion(e.id, period);
      if (v && (!senast || v.rapporterad > senast.rapporterad)) senast = v;
    }
    const vem = senast ? (reg.anvandare.get(senast.rapporterad_av)?.namn ?? senast.rapporterad_av) : '';
    const nar = senast
      ? senast.rapporterad_av === 'import'
        ? `, senast importerat ${datumKort(senast.rapporterad)} (${reg.enhet(senast.enhet)?.namn})`
        : `, senast rapporterat ${datumKort(senast.rapporterad)} av ${vem} (${reg.enhet(senast.enhet)?.namn})`
      : '';
    const k = komplettering(reg, g.id, period);
    const del =
      k && !k.komplett
        ? `: ${periodNamn(period)} har ${k.antal} av ${k.forvantat} enheter rapporterat; senaste kompletta månad ${k.senasteKompletta ? periodOrd(reg, g.id, k.senasteKompletta) : 'saknas'}`
        : `: t.o.m. ${periodOrd(reg, g.id, period)}`.replace('t.o.m. helåret', 'helåret');
    return `- ${g.namn}${del}${nar}`;
  });
  const overgripande = farskhetsrad(reg, rot, m.nu);
  return { text: ['**Så färska är siffrorna**', ...(overgripande ? [overgripande] : []), rader.join('\n')].join('\n\n') };
}
