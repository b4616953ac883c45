import { medNotering as kortMedNotering } from '../cards/vyer.js';
import type { Avsikt } from '../language/avsikt.js';
import { type Fraga, tolkaFraga } from '../language/tolka.js';
import { atgarderSvar, namngivnaAtgarder } from './atgarder.js';
import { beloppFor } from './belopp.js';
import { valjEnhet } from './enhetsval.js';
import { farskhetSvar } from './farskhet.js';
import { hjalpSvar, utanforSvar } from './hjalp.js';
import { arsjamforelseSvar, jamforelseSvar } from './jamforelse.js';
import { nedbrytningSvar } from './nedbrytning.js';
import { nyckeltalSvar } from './nyckeltal.js';
import { valjPeriod } from './perioder.js';
import { delmanad } from './delmanad.js';
import { prognosSvar } from './prognos.js';
import { rankningSvar } from './rankning.js';
import { statusSvar, statusvy } from './status.js';
import type { Svar, Svarsmiljo } from './svar.js';
import type { Enhet } from '../domain/schema.js';
import type { Period } from '../domain/period.js';
import { trendSvar } from './trend.js';
import { knapparFor } from './knappar.js';
import { rapporteringslageFraga } from './rapporteringslage.js';

/** Intents that change something, need a form or depend on where they are asked: src/usecases/kommandon.ts carries them out. */
export const KOMMANDON = [
  'rapportera',
  'uppdatera_atgard',
  'historik',
  'prenumerera',
  'avsluta_larm',
  'larmlista',
  'larmstatus',
  'troskel',
  'manadsrapport',
  'klarmarkera',
  'rapporteringsfrist',
] as const;
export type Kommandoavsikt = (typeof KOMMANDON)[number];

export type Resultat = { typ: 'svar'; svar: Svar; fraga: Fraga } | { typ: 'kommando'; avsikt: Kommandoavsikt; fraga: Fraga };

/** A question in, an answer out; reads the register only. `enhet` forces the unit (a button's choice). */
export function besvara(text: string, m: Svarsmiljo, enhet?: string): Resultat {
  const fraga = tolkaFraga(text, m.index, m.nu);
  let avsikt: Avsikt = fraga.avsikt;
  const foregaende = m.kontext?.avsikt;
  if (foregaende && (avsikt === 'okand' || avsikt === 'status') && fraga.fortsattning && !fraga.nyckeltal) avsikt = foregaende;
  if (
    avsikt === 'okand' &&
    foregaende &&
    !fraga.utanfor &&
    (fraga.tid.period || fraga.tid.relativ || fraga.mnkr || fraga.tid.jamforAr !== null)
  )
    avsikt = foregaende;
  // "hur går nummer 4?" after a list of measures
  if (fraga.atgardNr !== null && foregaende === 'atgarder' && (avsikt === 'okand' || avsikt === 'status')) avsikt = 'atgarder';
  // "hur gick det totalt 2024?", "hur låg vi i fjol?": a time or the whole, but no word for what: the status
  if (avsikt === 'okand' && !fraga.utanfor && (fraga.tid.period || fraga.tid.relativ || fraga.helheten || fraga.vi)) avsikt = 'status';
  if ((KOMMANDON as readonly string[]).includes(avsikt)) return { typ: 'kommando', avsikt: avsikt as Kommandoavsikt, fraga };
  return { typ: 'svar', svar: svara(fraga, avsikt, m, enhet), fraga };
}

function svara(fraga: Fraga, avsikt: Avsikt, m: Svarsmiljo, tvingad?: string): Svar {
  if (fraga.utanfor && !tvingad) return utanforSvar(m);
  switch (avsikt) {
    case 'hjalp':
      return hjalpSvar(m);
    case 'farskhet':
      return farskhetSvar(m);
    case 'rapporteringslage':
      return rapporteringslageFraga(fraga, m, tvingad);
    case 'okand':
      if (!fraga.enheter.length && !fraga.okantNamn && !fraga.atgardstraffar.length) return utanforSvar(m);
      break;
    default:
  }
  // "medicinrobotarna", "hur mycket ska medicinrobotarna i hemtjänsten spara": a measure named by its own words
  if (fraga.atgardstraffar.length && !fraga.atgardsfilter && fraga.atgardNr === null && (avsikt === 'atgarder' || avsikt === 'okand')) {
    const namngivna = namngivnaAtgarder(fraga, m);
    if (namngivna) return namngivna;
  }
  if (
    avsikt === 'atgarder' &&
    !fraga.enheter.length &&
    !tvingad &&
    (fraga.atgardsfilter || !m.kontext?.enhet) &&
    !(fraga.vi && m.anvandare)
  ) {
    return atgarderSvar(fraga, null, m);
  }
  if (avsikt === 'rankning' && !fraga.enheter.length && !tvingad && !(fraga.delar && (m.kontext?.enhet || fraga.vi))) {
    const rot = m.register.rot();
    const p = rot ? valjPeriod(fraga, rot, m) : null;
    if (!p || !p.ok) return { text: p?.text ?? 'Det finns inga siffror ännu.' };
    const svar = rankningSvar(fraga, null, p.period, m);
    return p.notering ? medNotering(svar, p.notering) : svar;
  }
  // "vad består underskottet av?" from a controller or manager: their own deficit
  const egen = avsikt === 'nedbrytning' && !fraga.helheten && !m.kontext?.enhet;
  const val = valjEnhet(egen ? { ...fraga, vi: true } : fraga, m, tvingad);
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
  const belopp = beloppFor(fraga.mnkr);
  // "har X blivit bättre sedan 2022?", "gick X bättre än året innan?", "och året innan?": two years side by side
  if (fraga.tid.jamforAr !== null && ['status', 'jamforelse', 'trend', 'prognos', 'okand'].includes(avsikt) && fraga.enheter.length <= 1)
    return arsjamforelseSvar(fraga, enhet, period, m);
  switch (avsikt) {
    case 'trend':
      return trendSvar(fraga, enhet, period, m);
    case 'prognos':
      return prognosSvar(fraga, enhet, period, m);
    case 'rankning':
      return rankningSvar(fraga, enhet, period, m);
    case 'nedbrytning':
      return nedbrytningSvar(enhet, period, m, { belopp, varfor: fraga.varfor });
    case 'jamforelse':
      return jamforelseSvar(fraga.enheter.length >= 2 ? fraga.enheter : [enhet], period, m, belopp);
    default: {
      // "hur ligger socialnämnden i december?" with one unit of nine reported: never the part as the whole
      const del = delmanad(m.register, enhet.id, period, belopp);
      if (del && fraga.tid.period) return del;
      const vy = statusvy(m.register, enhet.id, period, belopp);
      if (!vy) return { text: `Det finns inga siffror för ${enhet.namn}.` };
      return statusSvar(vy, {
        baraManaden: fraga.tid.baraManaden,
        jaNej: fraga.jaNej ? fraga.overBudget : null,
        knappar: knapparFor(m, enhet.id, period),
      });
    }
  }
}
