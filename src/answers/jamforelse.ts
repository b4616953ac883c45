import { type Period, periodNamn, sammaManadIFjol, tillOchMedText } from '../domain/period.js';
import { type Siffror, siffrorFor } from '../domain/siffror.js';
import type { Enhet } from '../domain/schema.js';
import { formatProcent, formatTkr } from '../domain/tal.js';
import { avvikelseIOrd, prognosIOrd } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';

function kolumn(rubrik: string, s: Siffror) {
  return {
    rubrik,
    rader: [
      `Budget ${formatTkr(s.budget_ack)}`,
      `Utfall ${formatTkr(s.utfall_ack)}`,
      `${avvikelseIOrd(s.avvikelse)}`,
      s.procent === null ? '' : `${formatProcent(s.procent)} av budget`,
      s.prognosavvikelse === null ? '' : `Prognos: ${prognosIOrd(s.prognosavvikelse)}`,
    ].filter(Boolean),
  };
}

/** Two units in the same month, or one unit against the same month last year. */
export function jamforelseSvar(enheter: Enhet[], p: Period, m: Svarsmiljo): Svar {
  const reg = m.register;
  let a: Siffror | null;
  let b: Siffror | null;
  let rubrikA: string;
  let rubrikB: string;
  let rubrik: string;
  if (enheter.length >= 2) {
    a = siffrorFor(reg, enheter[0].id, p);
    b = siffrorFor(reg, enheter[1].id, p);
    rubrikA = enheter[0].namn;
    rubrikB = enheter[1].namn;
    rubrik = `${enheter[0].namn} och ${enheter[1].namn} ${tillOchMedText(p)}`;
    if (!a || !b) return { text: `Det finns inte siffror för både ${enheter[0].namn} och ${enheter[1].namn} ${tillOchMedText(p)}.` };
  } else {
    const fjol = sammaManadIFjol(p);
    a = siffrorFor(reg, enheter[0].id, p);
    b = siffrorFor(reg, enheter[0].id, fjol);
    rubrikA = tillOchMedText(p);
    rubrikB = tillOchMedText(fjol);
    rubrik = `${enheter[0].namn} ${tillOchMedText(p)} jämfört med ${periodNamn(fjol)}`;
    if (!a) return { text: `Det finns inga siffror för ${enheter[0].namn} ${tillOchMedText(p)}.` };
    if (!b) return { text: `Det finns inga siffror för ${enheter[0].namn} ${tillOchMedText(fjol)} att jämföra med.` };
  }
  const ka = kolumn(rubrikA, a);
  const kb = kolumn(rubrikB, b);
  const skillnad = a.avvikelse - b.avvikelse;
  const slutsats =
    enheter.length >= 2
      ? `${a.avvikelse < b.avvikelse ? enheter[0].namn : enheter[1].namn} har den sämre avvikelsen; skillnaden är ${formatTkr(Math.abs(skillnad))}.`
      : `Avvikelsen är ${formatTkr(Math.abs(skillnad))} ${skillnad < 0 ? 'sämre' : 'bättre'} än samma period i fjol${a.procent !== null && b.procent !== null ? ` (${formatProcent(a.procent)} mot ${formatProcent(b.procent)} av budget)` : ''}.`;
  return {
    text: [`**${rubrik}**`, `${ka.rubrik}: ${ka.rader.join(', ')}.`, `${kb.rubrik}: ${kb.rader.join(', ')}.`, slutsats].join('\n\n'),
    kort: {
      mall: 'jamforelse',
      data: { rubrik, a: ka, b: kb, slutsats, skillnad: `${formatTkr(skillnad)}` },
    },
    kontext: { enhet: enheter[0].id, period: p, avsikt: 'jamforelse' },
  };
}
