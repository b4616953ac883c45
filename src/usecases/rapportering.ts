import { randomUUID } from 'node:crypto';
import { atgardshistorikSvar, historikSvar } from '../answers/historik.js';
import { atgardsformular, standardenhet, standardperiod, utfallsformular } from '../answers/formular.js';
import { valjEnhet } from '../answers/enhetsval.js';
import type { Svar, Svarsmiljo } from '../answers/svar.js';
import { fårRapportera, nekandeText } from '../domain/behorighet.js';
import { type Period, periodNamn } from '../domain/period.js';
import type { Atgard, Enhet } from '../domain/schema.js';
import { senastePeriodFor } from '../domain/siffror.js';
import { type Inlamnare, noteraOmNekad } from './inlamning.js';
import type { Store } from '../store/store.js';
import type { Logg } from '../logg.js';
import type { Kommandohanterare } from './kommandomiljo.js';
import { valjAtgard } from '../answers/atgardsval.js';

export const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 200) : typeof v === 'number' ? String(v) : '');

export function inlamnare(id: string, store: Store): Inlamnare {
  return { id, anvandare: store.register.anvandare.get(id) };
}

/** The form for a unit and month, or the refusal (audited) when the user may not report for it. */
export async function formularEllerNekande(
  m: Svarsmiljo,
  store: Store,
  logg: Logg,
  vem: Inlamnare,
  enhet: Enhet,
  period: Period,
): Promise<Svar> {
  if (!fårRapportera(m.anvandare, enhet.id, m.register)) {
    await noteraOmNekad(store, vem, enhet.id, `${enhet.id}|${period}`, 'rapportera');
    logg.info('rapportering nekad', { anvandare: vem.id, enhet: enhet.id, roll: m.anvandare?.roll ?? null });
    return { text: nekandeText(m.anvandare, enhet.id, m.register) };
  }
  if (period > m.nu) {
    return {
      text: `${periodNamn(period)} har inte börjat ännu, så det finns inget att rapportera. Välj ${periodNamn(m.nu)} eller en tidigare månad.`,
    };
  }
  return utfallsformular(m, { enhet: enhet.id, period, kortId: randomUUID() });
}

/** "rapportera", "jag vill rapportera novembersiffrorna för IFO", "lämna prognos för hemtjänsten". */
export const rapporteraKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  const vem = inlamnare(k.samtal.anvandare, k.store);
  let enhet: Enhet | undefined;
  if (k.enhet || fraga.enheter.length || fraga.tvetydiga.length || fraga.okantNamn) {
    const val = valjEnhet(fraga, m, k.enhet);
    if (!val.ok) return val.svar;
    enhet = val.enhet;
  } else {
    enhet = standardenhet(m) ?? reg.enhet(m.anvandare?.enheter[0] ?? '') ?? reg.rot();
  }
  if (!enhet) return { text: 'Det finns inga enheter inlagda ännu. Be en administratör importera organisationen.' };
  const period = fraga.rapportmanad ?? standardperiod(reg, enhet.id, m.nu);
  return formularEllerNekande(m, k.store, k.logg, vem, enhet, period);
};

export async function atgardsformularEllerNekande(m: Svarsmiljo, store: Store, logg: Logg, vem: Inlamnare, atgard: Atgard): Promise<Svar> {
  if (!fårRapportera(m.anvandare, atgard.enhet, m.register)) {
    await noteraOmNekad(store, vem, atgard.enhet, `${atgard.enhet}|${atgard.nr}`, 'uppdatera_atgard');
    logg.info('uppdatering av åtgärd nekad', { anvandare: vem.id, enhet: atgard.enhet, nr: atgard.nr });
    return { text: nekandeText(m.anvandare, atgard.enhet, m.register) };
  }
  return atgardsformular(m, { atgard, kortId: randomUUID() });
}

/** "uppdatera åtgärd 5": status, realised savings and comment of one measure. */
export const uppdateraAtgardKommando: Kommandohanterare = async (fraga, k) => {
  const val = valjAtgard(fraga, k.miljo, k.enhet, 'uppdatera åtgärd');
  if (!val.ok) return val.svar;
  return atgardsformularEllerNekande(k.miljo, k.store, k.logg, inlamnare(k.samtal.anvandare, k.store), val.atgard);
};

/** "visa historik för IFO november", "historik för åtgärd 5": every version, who and when. */
export const historikKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  if (fraga.atgardNr !== null) {
    const val = valjAtgard(fraga, m, k.enhet, 'visa historik för åtgärd');
    return val.ok ? atgardshistorikSvar(m, val.atgard) : val.svar;
  }
  const val = valjEnhet(fraga, m, k.enhet);
  if (!val.ok) return val.svar;
  const enhet = val.enhet;
  const kontextPeriod = m.kontext?.enhet === enhet.id ? m.kontext.period : undefined;
  const period = fraga.rapportmanad ?? kontextPeriod ?? senastePeriodFor(m.register, enhet.id, m.nu);
  if (!period) return { text: `Det finns inga siffror för ${enhet.namn} ännu, så det finns ingen historik.` };
  return historikSvar(m, enhet, period);
};
