import { medNotering as kortMedNotering } from '../cards/vyer.js';
import type { Avsikt } from '../language/avsikt.js';
import { type Fraga, tolkaFraga } from '../language/tolka.js';
import { atgardSvar, atgarderSvar } from './atgarder.js';
import { hittaPaNamn } from '../language/atgardsnamn.js';
import { valjEnhet } from './enhetsval.js';
import { farskhetSvar } from './farskhet.js';
import { hjalpSvar } from './hjalp.js';
import { jamforelseSvar } from './jamforelse.js';
import { nedbrytningSvar } from './nedbrytning.js';
import { nyckeltalSvar } from './nyckeltal.js';
import { valjPeriod } from './perioder.js';
import { prognosSvar } from './prognos.js';
import { rankningSvar } from './rankning.js';
import { statusSvar, statusvy } from './status.js';
import type { Svar, Svarsmiljo } from './svar.js';
import type { Enhet } from '../domain/schema.js';
import type { Period } from '../domain/period.js';
import { trendSvar } from './trend.js';
import { rapporteringslageFraga } from './rapporteringslage.js';

/** Intents that change something or need a form: src/usecases/kommandon.ts carries them out. */
export const KOMMANDON = [
  'rapportera',
  'uppdatera_atgard',
  'historik',
  'prenumerera',
  'avsluta_larm',
  'larmlista',
  'larmstatus',
  'troskel',
  'klarmarkera',
  'rapporteringsfrist',
] as const;
export type Kommandoavsikt = (typeof KOMMANDON)[number];

export type Resultat = { typ: 'svar'; svar: Svar; fraga: Fraga } | { typ: 'kommando'; avsikt: Kommandoavsikt; fraga: Fraga };

/** A question in, an answer out; reads the register only. `enhet` forces the unit (a button's choice). */
export function besvara(text: string, m: Svarsmiljo, enhet?: string): Resultat {
  const fraga = tolkaFraga(text, m.index, m.nu);
  let avsikt: Avsikt = fraga.avsikt;
  if (m.kontext?.avsikt && (avsikt === 'okand' || avsikt === 'status') && fraga.fortsattning) avsikt = m.kontext.avsikt;
  if (avsikt === 'okand' && m.kontext?.avsikt && (fraga.tid.period || fraga.tid.relativ)) avsikt = m.kontext.avsikt;
  if ((KOMMANDON as readonly string[]).includes(avsikt)) return { typ: 'kommando', avsikt: avsikt as Kommandoavsikt, fraga };
  return { typ: 'svar', svar: svara(fraga, avsikt, m, enhet), fraga };
}

function svara(fraga: Fraga, avsikt: Avsikt, m: Svarsmiljo, tvingad?: string): Svar {
  // "medicinrobotarna": no unit by that name, but a measure is.
  if (!fraga.enheter.length && fraga.atgardOrd.length && !tvingad && (avsikt === 'okand' || avsikt === 'status')) {
    const atgard = hittaPaNamn(m.register.allaAtgarder(), fraga.atgardOrd);
    if (atgard) return atgardSvar(atgard, m);
  }
  switch (avsikt) {
    case 'hjalp':
      return hjalpSvar(m);
    case 'farskhet':
      return farskhetSvar(m);
    case 'rapporteringslage':
      return rapporteringslageFraga(fraga, m, tvingad);
    case 'okand':
      if (!fraga.enheter.length && !fraga.okantNamn) {
        return hjalpSvar(
          m,
          'Den frågan kan jag inte svara på. Jag svarar på frågor om budget, utfall, avvikelse, prognos, åtgärder och nyckeltal, med siffror ur månadsuppföljningen.',
        );
      }
      break;
    default:
  }
  if (avsikt === 'atgarder' && !fraga.enheter.length && !tvingad && (fraga.atgardsfilter || !m.kontext?.enhet)) {
    return atgarderSvar(fraga, null, m);
  }
  if (avsikt === 'rankning' && !fraga.enheter.length && !tvingad) {
    const rot = m.register.rot();
    const p = rot ? valjPeriod(fraga, rot, m) : null;
    if (!p || !p.ok) return { text: p?.text ?? 'Det finns inga siffror ännu.' };
    const svar = rankningSvar(fraga, null, p.period, m);
    return p.notering ? medNotering(svar, p.notering) : svar;
  }
  const val = valjEnhet(fraga, m, tvingad);
  if (!val.ok) return val.svar;
  const enhet = val.enhet;
  if (avsikt === 'atgarder') return atgarderSvar(fraga, enhet, m);
  if (avsikt === 'nyckeltal') return nyckeltalSvar(fraga, enhet, m);
  const p = valjPeriod(fraga, enhet, m);
  if (!p.ok) return { text: p.text, kontext: { enhet: enhet.id, avsikt } };
  const svar = svaraForPeriod(fraga, avsikt, enhet, p.period, m);
  return p.notering ? medNotering(svar, p.notering) : svar;
}

/** A caveat goes first in the text and into the card's fallback, without changing the figures. */
function medNotering(svar: Svar, notering: string): Svar {
  return { ...svar, text: `${notering}\n\n${svar.text}`, kort: svar.kort && kortMedNotering(svar.kort, notering) };
}

function svaraForPeriod(fraga: Fraga, avsikt: Avsikt, enhet: Enhet, period: Period, m: Svarsmiljo): Svar {
  switch (avsikt) {
    case 'trend':
      return trendSvar(fraga, enhet, period, m);
    case 'prognos':
      return prognosSvar(fraga, enhet, period, m);
    case 'rankning':
      return rankningSvar(fraga, enhet, period, m);
    case 'nedbrytning':
      return nedbrytningSvar(enhet, period, m);
    case 'jamforelse':
      return jamforelseSvar(fraga.enheter.length >= 2 ? fraga.enheter : [enhet], period, m);
    default: {
      const vy = statusvy(m.register, enhet.id, period);
      if (!vy) return { text: `Det finns inga siffror för ${enhet.namn}.` };
      return statusSvar(vy, { baraManaden: fraga.tid.baraManaden, jaNej: fraga.jaNej ? fraga.overBudget : null });
    }
  }
}
