import type { Period } from '../domain/period.js';
import { type Siffror, siffrorFor } from '../domain/siffror.js';
import type { Enhet } from '../domain/schema.js';
import { formatProcent, formatTkr } from '../domain/tal.js';
import { type Belopp, medTecken } from './belopp.js';
import { avvikelseIOrd } from './ord.js';
import { ärHelår, tomText } from './perioder.js';
import type { Svar, Svarsmiljo } from './svar.js';
import { tabellsektion } from './tabell.js';

/** A share as a controller reads it: never "0 %" for an amount that is not zero. */
export function andelText(andel: number): string {
  return andel > 0 && andel < 0.5 ? '<1\u00a0%' : formatProcent(andel, 0);
}

/** Where a deviation comes from: the parts ranked by their share of it, with their comments; or, for a unit without parts, its figures and comment. */
export function nedbrytningSvar(enhet: Enhet, p: Period, m: Svarsmiljo, opts: { belopp?: Belopp; varfor?: boolean } = {}): Svar {
  const reg = m.register;
  const b = opts.belopp ?? formatTkr;
  // a unit with a single part has the same total as it: break down the part ("Askersunds kommun" → "Socialnämnden")
  const fragad = enhet;
  for (let barn = reg.barnTill(enhet.id); barn.length === 1 && reg.barnTill(barn[0].id).length; barn = reg.barnTill(enhet.id)) {
    if (!siffrorFor(reg, barn[0].id, p)) break;
    enhet = barn[0];
  }
  const total = siffrorFor(reg, enhet.id, p);
  const nar = tomText(reg, enhet.id, p);
  if (!total) return { text: `Det finns inga siffror för ${enhet.namn} ${nar}.` };
  const barn = reg
    .barnTill(enhet.id)
    .map((x) => siffrorFor(reg, x.id, p))
    .filter((s): s is Siffror => s !== null);
  const rubrik = `**${enhet.namn}${ärHelår(reg, enhet.id, p) ? ',' : ''} ${nar}: ${avvikelseIOrd(total.avvikelse, b)}**`;
  const siffror = `Utfall ${b(total.utfall_ack)} mot budget ${b(total.budget_ack)}.`;
  const egen = total.egenRad?.kommentar;
  if (!barn.length) {
    return {
      text: [
        rubrik,
        siffror,
        egen ? `Kommentar: ${egen}` : `${enhet.namn} har inga underenheter med egna siffror, och det finns ingen kommentar till siffrorna.`,
      ].join('\n\n'),
      kontext: { enhet: fragad.id, period: p, avsikt: 'nedbrytning' },
    };
  }
  const negativ = total.avvikelse < 0;
  const bidrar = barn
    .filter((x) => (negativ ? x.avvikelse <= -0.05 : x.avvikelse >= 0.05))
    .sort((x, y) => (negativ ? x.avvikelse - y.avvikelse : y.avvikelse - x.avvikelse));
  const motverkar = barn
    .filter((x) => (negativ ? x.avvikelse >= 0.05 : x.avvikelse <= -0.05))
    .sort((x, y) => Math.abs(y.avvikelse) - Math.abs(x.avvikelse));
  const summaBidrar = bidrar.reduce((s, x) => s + x.avvikelse, 0);
  const ord = negativ ? 'underskotten' : 'överskotten';
  const vad = `andel av summan av ${ord} (${b(Math.abs(summaBidrar))})`;
  const andel = (x: Siffror) => andelText(summaBidrar ? (x.avvikelse / summaBidrar) * 100 : 0);
  const lista = bidrar.map((x) => {
    const k = x.egenRad?.kommentar;
    return `- ${x.enhet.namn}: ${medTecken(x.avvikelse, b)} (${andel(x)} av ${ord})${k ? `, "${k}"` : ''}`;
  });
  const motverkas = motverkar.length
    ? [
        `Motverkas av ${motverkar.map((x) => `${x.enhet.namn} ${medTecken(x.avvikelse, b)} (${x.avvikelse < 0 ? 'underskott' : 'överskott'})`).join(', ')}.`,
      ]
    : [];
  const rader = [rubrik, siffror];
  if (fragad.id !== enhet.id)
    rader.splice(1, 0, `${fragad.namn} har en enda del med siffror, ${enhet.namn}; så här fördelas avvikelsen där.`);
  if (opts.varfor && egen) rader.push(`Kommentar: ${egen}`);
  rader.push(`${negativ ? 'Underskottet' : 'Överskottet'} kommer från (${vad}):\n\n${lista.join('\n')}`, ...motverkas);
  if (!opts.varfor && egen) rader.push(`Kommentar: ${egen}`);
  const kommentarer = bidrar.filter((x) => x.egenRad?.kommentar).map((x) => `${x.enhet.namn}: ${x.egenRad!.kommentar}`);
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'tabell',
      data: {
        rubrik: rubrik.replace(/\*\*/g, ''),
        sektioner: [
          tabellsektion({
            kolumner: [
              { namn: 'Avvikelse', tal: true },
              { namn: `Andel av ${ord}`, tal: true },
            ],
            rader: bidrar.map((x) => ({
              namn: x.enhet.namn,
              celler: [{ text: medTecken(x.avvikelse, b), farg: negativ ? 'Attention' : 'Good' }, andel(x)],
            })),
          }),
        ],
        fotnoter: [`Andel = ${vad}.`, ...kommentarer, ...motverkas],
      },
    },
    kontext: { enhet: fragad.id, period: p, avsikt: 'nedbrytning' },
  };
}
