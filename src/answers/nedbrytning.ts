import { type Period, tillOchMedText } from '../domain/period.js';
import { type Siffror, siffrorFor } from '../domain/siffror.js';
import type { Enhet } from '../domain/schema.js';
import { formatProcent, formatTkr } from '../domain/tal.js';
import { avvikelseIOrd } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';

/** Where a deviation comes from: the children ranked by their share of it, with their comments. */
export function nedbrytningSvar(enhet: Enhet, p: Period, m: Svarsmiljo): Svar {
  const reg = m.register;
  const total = siffrorFor(reg, enhet.id, p);
  if (!total) return { text: `Det finns inga siffror för ${enhet.namn} ${tillOchMedText(p)}.` };
  const barn = reg
    .barnTill(enhet.id)
    .map((b) => siffrorFor(reg, b.id, p))
    .filter((s): s is Siffror => s !== null);
  const rubrik = `**${enhet.namn} ${tillOchMedText(p)}: ${avvikelseIOrd(total.avvikelse)}**`;
  if (!barn.length) {
    const k = total.egenRad?.kommentar;
    return {
      text: [
        rubrik,
        `${enhet.namn} har inga underenheter med egna siffror.${k ? ` Controllerns kommentar: ${k}` : ' Det finns ingen kommentar till siffrorna.'}`,
      ].join('\n\n'),
      kontext: { enhet: enhet.id, period: p, avsikt: 'nedbrytning' },
    };
  }
  const negativ = total.avvikelse < 0;
  const bidrar = barn
    .filter((b) => (negativ ? b.avvikelse < 0 : b.avvikelse > 0))
    .sort((a, b) => (negativ ? a.avvikelse - b.avvikelse : b.avvikelse - a.avvikelse));
  const motverkar = barn.filter((b) => (negativ ? b.avvikelse > 0 : b.avvikelse < 0));
  const summaBidrar = bidrar.reduce((s, b) => s + b.avvikelse, 0);
  const lista = bidrar.map((b) => {
    const andel = summaBidrar !== 0 ? (b.avvikelse / summaBidrar) * 100 : 0;
    const k = b.egenRad?.kommentar;
    return `- ${b.enhet.namn}: ${formatTkr(b.avvikelse)} (${formatProcent(andel, 0)} av ${negativ ? 'underskotten' : 'överskotten'})${k ? `, "${k}"` : ''}`;
  });
  const motverkas = motverkar.length
    ? [`Motverkas av ${motverkar.map((b) => `${b.enhet.namn} ${formatTkr(b.avvikelse)}`).join(', ')}.`]
    : [];
  const rader = [rubrik, `${negativ ? 'Underskottet' : 'Överskottet'} kommer från:\n\n${lista.join('\n')}`, ...motverkas];
  const kommentarer = bidrar.filter((b) => b.egenRad?.kommentar).map((b) => `${b.enhet.namn}: ${b.egenRad!.kommentar}`);
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'tabell',
      data: {
        rubrik: rubrik.replace(/\*\*/g, ''),
        kolumner: [{ namn: 'Enhet' }, { namn: 'Avvikelse' }, { namn: 'Andel' }],
        rader: bidrar.map((b) => ({
          celler: [
            { text: b.enhet.namn },
            { text: formatTkr(b.avvikelse) },
            { text: formatProcent(summaBidrar ? (b.avvikelse / summaBidrar) * 100 : 0, 0) },
          ],
        })),
        fotnoter: [...kommentarer, ...motverkas],
      },
    },
    kontext: { enhet: enhet.id, period: p, avsikt: 'nedbrytning' },
  };
}
