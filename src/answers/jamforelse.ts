import { type Period, år, forskjut, manad, period as periodAv, periodNamn, sammaManadIFjol } from '../domain/period.js';
import { type Siffror, siffrorFor } from '../domain/siffror.js';
import type { Enhet } from '../domain/schema.js';
import { formatProcent, formatTkr } from '../domain/tal.js';
import type { Fraga } from '../language/tolka.js';
import { type Belopp, beloppFor, medTecken } from './belopp.js';
import { avvikelseIOrd, prognosIOrd } from './ord.js';
import { ärHelår, periodOrd, tomText } from './perioder.js';
import { procentAvBudget } from './status.js';
import type { Svar, Svarsmiljo } from './svar.js';

function kolumn(rubrik: string, s: Siffror, b: Belopp) {
  const p = procentAvBudget(s);
  return {
    rubrik,
    rader: [
      `Budget ${b(s.budget_ack)}`,
      `Utfall ${b(s.utfall_ack)}`,
      `${avvikelseIOrd(s.avvikelse, b)}`,
      p === null ? '' : `${formatProcent(p)} av budget`,
      s.prognosavvikelse === null || ärHelårSiffror(s) ? '' : `Prognos: ${prognosIOrd(s.prognosavvikelse, b)}`,
    ].filter(Boolean),
  };
}

/** December with a forecast equal to the outcome says nothing more than the outcome. */
function ärHelårSiffror(s: Siffror): boolean {
  return manad(s.period) === 12 && s.prognos_helar === s.utfall_ack;
}

/** Two units in the same month, or one unit against the same month last year. */
export function jamforelseSvar(enheter: Enhet[], p: Period, m: Svarsmiljo, b: Belopp = formatTkr): Svar {
  const reg = m.register;
  let a: Siffror | null;
  let bb: Siffror | null;
  let rubrikA: string;
  let rubrikB: string;
  let rubrik: string;
  const nar = tomText(reg, enheter[0].id, p);
  if (enheter.length >= 2) {
    a = siffrorFor(reg, enheter[0].id, p);
    bb = siffrorFor(reg, enheter[1].id, p);
    rubrikA = enheter[0].namn;
    rubrikB = enheter[1].namn;
    rubrik = `${enheter[0].namn} och ${enheter[1].namn} ${nar}`;
    if (!a || !bb) return { text: `Det finns inte siffror för både ${enheter[0].namn} och ${enheter[1].namn} ${nar}.` };
  } else {
    const fjol = sammaManadIFjol(p);
    a = siffrorFor(reg, enheter[0].id, p);
    bb = siffrorFor(reg, enheter[0].id, fjol);
    rubrikA = tomText(reg, enheter[0].id, p);
    rubrikB = tomText(reg, enheter[0].id, fjol);
    rubrik = `${enheter[0].namn} ${nar} jämfört med ${periodOrd(reg, enheter[0].id, fjol)}`;
    if (!a) return { text: `Det finns inga siffror för ${enheter[0].namn} ${nar}.` };
    if (!bb) return { text: `Det finns inga siffror för ${enheter[0].namn} ${rubrikB} att jämföra med; de saknas i uppföljningen.` };
  }
  const ka = kolumn(rubrikA, a, b);
  const kb = kolumn(rubrikB, bb, b);
  const skillnad = a.avvikelse - bb.avvikelse;
  const pa = procentAvBudget(a);
  const pb = procentAvBudget(bb);
  const slutsats =
    enheter.length >= 2
      ? `${a.avvikelse < bb.avvikelse ? enheter[0].namn : enheter[1].namn} har den sämre avvikelsen; skillnaden är ${b(Math.abs(skillnad))}.`
      : `Avvikelsen är ${b(Math.abs(skillnad))} ${skillnad < 0 ? 'sämre' : 'bättre'} än samma period i fjol${pa !== null && pb !== null ? ` (${formatProcent(pa)} mot ${formatProcent(pb)} av budget)` : ''}.`;
  return {
    text: [`**${rubrik}**`, `${ka.rubrik}: ${ka.rader.join(', ')}.`, `${kb.rubrik}: ${kb.rader.join(', ')}.`, slutsats].join('\n\n'),
    kort: {
      mall: 'jamforelse',
      data: { rubrik, a: ka, b: kb, slutsats, skillnad: `${b(skillnad)}` },
    },
    kontext: { enhet: enheter[0].id, period: p, avsikt: 'jamforelse' },
  };
}

/** The period of the year compared with: the same month, or for an annual report that year's whole. */
function jamforPeriod(m: Svarsmiljo, enhetId: string, p: Period, ar: number): Period | null {
  const samma = periodAv(ar, manad(p));
  if (siffrorFor(m.register, enhetId, samma)) return samma;
  return null;
}

/**
 * "har X blivit bättre sedan 2022?", "gick X bättre 2024 än året innan?", "jämför X med 2023": the two years
 * side by side, a yes or no when the question asks one, and what is missing said plainly, never a dead end.
 */
export function arsjamforelseSvar(fraga: Fraga, enhet: Enhet, p: Period, m: Svarsmiljo): Svar {
  const reg = m.register;
  const b = beloppFor(fraga.mnkr);
  const jamfor = fraga.tid.jamforAr;
  const ar = jamfor === 'foregaende' || jamfor === null ? år(p) - 1 : jamfor;
  const nu = siffrorFor(reg, enhet.id, p);
  const nar = tomText(reg, enhet.id, p);
  const kontext = { enhet: enhet.id, period: p, avsikt: 'jamforelse' as const };
  if (!nu) return { text: `Det finns inga siffror för ${enhet.namn} ${nar}.`, kontext };
  const q = ar < år(p) ? jamforPeriod(m, enhet.id, p, ar) : null;
  const fore = q ? siffrorFor(reg, enhet.id, q) : null;
  const helar = ärHelår(reg, enhet.id, p);
  const vadFore = helar || (q && ärHelår(reg, enhet.id, q)) ? `${ar}` : periodNamn(forskjut(p, (ar - år(p)) * 12));
  const raden = (s: Siffror) =>
    `Utfall ${b(s.utfall_ack)} mot budget ${b(s.budget_ack)}, ${avvikelseIOrd(s.avvikelse, b)}${procentAvBudget(s) === null ? '' : ` (${formatProcent(procentAvBudget(s)!)} av budget)`}`;
  if (!fore) {
    const finns = reg.perioderFor(enhet.id).filter((x) => x < p);
    return {
      text: [
        `**${enhet.namn}: ${nar} jämfört med ${vadFore}**`,
        `Siffror för ${enhet.namn} ${vadFore} saknas i uppföljningen, så jämförelsen kan inte göras.`,
        `${nar.charAt(0).toUpperCase() + nar.slice(1)}: ${raden(nu)}.`,
        finns.length
          ? `Det som finns före ${periodOrd(reg, enhet.id, p)}: ${[...new Set(finns.map((x) => periodOrd(reg, enhet.id, x)))].slice(-6).join(', ')}.`
          : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      kontext,
    };
  }
  const battre = nu.avvikelse > fore.avvikelse;
  const skillnad = Math.abs(nu.avvikelse - fore.avvikelse);
  const tidigare = tomText(reg, enhet.id, fore.period);
  let svar: string | null = null;
  if (fraga.forandring === 'battre' || fraga.forandring === 'samre') {
    const ja = fraga.forandring === 'battre' ? battre : !battre;
    svar = `${ja ? 'Ja' : 'Nej'}, ${enhet.namn} gick ${battre ? 'bättre' : 'sämre'} ${nar} än ${tidigare}: avvikelsen är ${b(skillnad)} ${battre ? 'bättre' : 'sämre'}.`;
  }
  const rader = [
    `**${enhet.namn} ${nar} jämfört med ${periodOrd(reg, enhet.id, fore.period)}**`,
    ...(svar ? [svar] : []),
    `${nar.charAt(0).toUpperCase() + nar.slice(1)}: ${raden(nu)}.`,
    `${tidigare.charAt(0).toUpperCase() + tidigare.slice(1)}: ${raden(fore)}.`,
  ];
  if (!svar)
    rader.push(
      `Avvikelsen är ${b(skillnad)} ${battre ? 'bättre' : 'sämre'} ${nar} (${medTecken(nu.avvikelse, b)} mot ${medTecken(fore.avvikelse, b)}).`,
    );
  const ka = kolumn(nar, nu, b);
  const kb = kolumn(tidigare, fore, b);
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'jamforelse',
      data: {
        rubrik: rader[0].replace(/\*\*/g, ''),
        a: ka,
        b: kb,
        slutsats: svar ?? rader[rader.length - 1],
        skillnad: b(nu.avvikelse - fore.avvikelse),
      },
    },
    kontext,
  };
}
