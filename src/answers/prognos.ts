import { type Period, år, forskjut, manad, period, periodNamn, tillOchMedText } from '../domain/period.js';
import { siffrorFor } from '../domain/siffror.js';
import type { Enhet } from '../domain/schema.js';
import { avrunda, formatTal, formatTkr } from '../domain/tal.js';
import { type Diagramvy, diagramSomText } from '../diagram/vy.js';
import type { Fraga } from '../language/tolka.js';
import { avvikelseIOrd, forandringIOrd, prognosIOrd } from './ord.js';
import { ärHelår, tomText } from './perioder.js';
import type { Svar, Svarsmiljo } from './svar.js';

export function prognosSvar(fraga: Fraga, enhet: Enhet, p: Period, m: Svarsmiljo): Svar {
  const s = siffrorFor(m.register, enhet.id, p);
  const klarar_ = fraga.klarar;
  // The year is closed: the outcome is the answer, not a forecast.
  if (s && (ärHelår(m.register, enhet.id, p) || (manad(p) === 12 && (s.prognos_helar === null || s.prognos_helar === s.utfall_ack)))) {
    const nar = tomText(m.register, enhet.id, p);
    const klarade = s.avvikelse >= -0.05;
    const rader = [
      `**${enhet.namn}, ${nar}: året är avslutat**`,
      ...(klarar_ ? [`${klarade ? 'Ja' : 'Nej'}, ${enhet.namn} ${klarade ? 'klarade' : 'klarade inte'} budgeten ${år(p)}.`] : []),
      `Utfallet för helåret ${år(p)} blev ${formatTkr(s.utfall_ack)} mot budget ${formatTkr(s.budget_ack)}: **${avvikelseIOrd(s.avvikelse)}**. Efter årets slut finns ingen prognos, bara utfallet.`,
    ];
    return { text: rader.join('\n\n'), kontext: { enhet: enhet.id, period: p, avsikt: 'prognos' } };
  }
  if (!s || s.prognos_helar === null || s.budget_helar === null || s.prognosavvikelse === null) {
    return {
      text: `Det finns ingen helårsprognos för ${enhet.namn} ${tillOchMedText(p)}.`,
      kontext: { enhet: enhet.id, period: p, avsikt: 'prognos' },
    };
  }
  const rader = [`**Helårsprognos ${år(p)} för ${enhet.namn}, efter ${periodNamn(p)}**`];
  const klarar = s.prognosavvikelse >= 0;
  if (klarar_) {
    rader.push(
      klarar
        ? `Ja, enligt prognosen klarar ${enhet.namn} budgeten ${år(p)}.`
        : `Nej, enligt prognosen klarar ${enhet.namn} inte budgeten ${år(p)}.`,
    );
  }
  rader.push(`Prognos ${formatTkr(s.prognos_helar)} mot årsbudget ${formatTkr(s.budget_helar)}: **${prognosIOrd(s.prognosavvikelse)}**.`);
  const historik: Array<{ period: Period; avvikelse: number; prognos: number }> = [];
  for (let q = period(år(p), 1); q <= p; q = forskjut(q, 1)) {
    const x = siffrorFor(m.register, enhet.id, q);
    if (x?.prognosavvikelse != null && x.prognos_helar !== null)
      historik.push({ period: q, avvikelse: x.prognosavvikelse, prognos: x.prognos_helar });
  }
  const jamfor = fraga.tid.jamforMed.length
    ? historik.find((h) => h.period === fraga.tid.jamforMed[0])
    : historik.length > 1
      ? historik[historik.length - 2]
      : undefined;
  if (jamfor) {
    rader.push(
      `Efter ${periodNamn(jamfor.period)} var prognosen ${formatTkr(jamfor.prognos)} (${prognosIOrd(jamfor.avvikelse)}); sedan dess ${forandringIOrd(jamfor.avvikelse, s.prognosavvikelse).replace('avvikelsen', 'prognosavvikelsen')}.`,
    );
  } else if (fraga.tid.jamforMed.length) {
    rader.push(`Det finns ingen prognos efter ${periodNamn(fraga.tid.jamforMed[0])} att jämföra med.`);
  }
  let diagram: Diagramvy | undefined;
  if (historik.length > 1 && manad(p) - manad(historik[0].period) >= 2) {
    // every month from the first forecast on; a month without one is shown as missing, never as 0
    const manader: Array<{ etikett: string; avvikelse: number | null }> = [];
    for (let q = historik[0].period; q <= p; q = forskjut(q, 1)) {
      const h = historik.find((x) => x.period === q);
      manader.push({ etikett: periodNamn(q).split(' ')[0].slice(0, 3), avvikelse: h ? h.avvikelse : null });
    }
    const lista = manader.map((x) => `${x.etikett} ${x.avvikelse === null ? '– (ingen prognos)' : formatTal(x.avvikelse)}`);
    rader.push(`Prognosavvikelse per rapport ${år(p)} (tkr): ${lista.join(', ')}.`);
    diagram = {
      titel: `Prognosavvikelse helår ${år(p)} per månadsrapport, tkr`,
      typ: 'staplar',
      etiketter: manader.map((x) => x.etikett),
      serier: [{ namn: 'Prognosavvikelse', varden: manader.map((x) => (x.avvikelse === null ? null : avrunda(x.avvikelse, 1))) }],
      enhet: 'tkr',
      teckenfarg: true,
    };
  }
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'fakta',
      data: {
        rubrik: `Helårsprognos ${år(p)}: ${enhet.namn}`,
        undertitel: `Efter ${periodNamn(p)}`,
        fakta: [
          { title: 'Årsbudget', value: formatTkr(s.budget_helar) },
          { title: 'Helårsprognos', value: formatTkr(s.prognos_helar) },
          { title: 'Prognosavvikelse', value: `${formatTkr(s.prognosavvikelse)}` },
        ],
        rader: rader.slice(1),
        enhet: enhet.namn,
        ...(diagram ? { diagram, bildtext: diagramSomText(diagram) } : {}),
      },
    },
    kontext: { enhet: enhet.id, period: p, avsikt: 'prognos' },
  };
}
