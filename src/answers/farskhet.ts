import { periodNamn } from '../domain/period.js';
import type { Utfall } from '../domain/schema.js';
import { senastePeriodFor } from '../domain/siffror.js';
import { datumKort } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';

/** How fresh the figures are: the latest period per nämnd (the root's children) and who reported last. */
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
    return `- ${g.namn}: t.o.m. ${periodNamn(period)}${nar}`;
  });
  return { text: `**Så färska är siffrorna**\n\n${rader.join('\n')}` };
}
