import { type Period, år, forskjut, manadsnamn, period, periodNamn } from '../domain/period.js';
import { manadsvarde, siffrorFor } from '../domain/siffror.js';
import type { Enhet } from '../domain/schema.js';
import { avrunda, formatProcent, formatTal, formatTkr } from '../domain/tal.js';
import { type Diagramvy, diagramSomText } from '../diagram/vy.js';
import type { Fraga } from '../language/tolka.js';
import { knapparFor } from './knappar.js';
import { avvikelseIOrd } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';

export interface Trendpunkt {
  period: Period;
  avvikelse: number;
  procent: number | null;
  manadsavvikelse: number | null;
}

/** Which months a trend covers: the year so far, "senaste 6 månaderna", or "sedan sommaren". */
export function trendintervall(fraga: Fraga, till: Period): { fran: Period; till: Period } {
  if (fraga.tid.senasteAntal) return { fran: forskjut(till, -(fraga.tid.senasteAntal - 1)), till };
  if (fraga.tid.fran && fraga.tid.fran <= till) return { fran: fraga.tid.fran, till };
  return { fran: period(år(till), 1), till };
}

export function trendpunkter(m: Svarsmiljo, enhetId: string, fran: Period, till: Period): Trendpunkt[] {
  const ut: Trendpunkt[] = [];
  for (let p = fran; p <= till; p = forskjut(p, 1)) {
    const s = siffrorFor(m.register, enhetId, p);
    if (!s) continue;
    ut.push({
      period: p,
      avvikelse: s.avvikelse,
      procent: s.procent,
      manadsavvikelse: manadsvarde(m.register, enhetId, p)?.avvikelse ?? null,
    });
  }
  return ut;
}

const procentenheter = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/**
 * Better or worse is judged on percent of budget, since the cumulative deviation grows through the year by itself.
 * The change is taken between the percentages as shown (one decimal), so that the text adds up with the card.
 */
export function trendverdikt(punkter: Trendpunkt[]): { ord: 'bättre' | 'sämre' | 'oförändrat'; text: string } | null {
  if (punkter.length < 2) return null;
  const a = punkter[0];
  const b = punkter[punkter.length - 1];
  if (a.procent === null || b.procent === null) return null;
  const diff = avrunda(avrunda(b.procent, 1) - avrunda(a.procent, 1), 1);
  const ord = Math.abs(diff) < 0.3 ? 'oförändrat' : diff > 0 ? 'sämre' : 'bättre';
  const pp = procentenheter.format(Math.abs(diff));
  const inledning = ord === 'oförändrat' ? 'I stort sett oförändrat' : ord === 'sämre' ? 'Det har blivit sämre' : 'Det har blivit bättre';
  const text =
    `${inledning}: från ${formatProcent(a.procent)} av budget efter ${periodNamn(a.period)} till ${formatProcent(b.procent)} efter ${periodNamn(b.period)}` +
    `${ord === 'oförändrat' ? '' : ` (${diff > 0 ? '+' : '−'}${pp} procentenheter)`}; ${avvikelseIOrd(b.avvikelse)} mot ${avvikelseIOrd(a.avvikelse)}.`;
  return { ord, text };
}

/** "jan", or "jan 24" when the trend reaches back into another year than its last month's. */
function manadsetikett(p: Period, till: Period): string {
  return manadsnamn(p).slice(0, 3) + (år(p) !== år(till) ? ` ${String(år(p)).slice(2)}` : '');
}

/** "ackumulerat per månad 2025" (or "2024–2025"): what the chart and the card's heading say is shown. */
function trendensVad(punkter: Trendpunkt[], till: Period): string {
  const forsta = år(punkter[0].period);
  return `ackumulerat per månad ${forsta === år(till) ? forsta : `${forsta}–${år(till)}`}`;
}

/** The cumulative deviation month by month as a bar chart: red for underskott, green for överskott. */
export function trenddiagram(punkter: Trendpunkt[], till: Period): Diagramvy {
  return {
    titel: `Avvikelse ${trendensVad(punkter, till)}, tkr`,
    typ: 'staplar',
    etiketter: punkter.map((p) => manadsetikett(p.period, till)),
    serier: [{ namn: 'Avvikelse t.o.m. månaden', varden: punkter.map((p) => avrunda(p.avvikelse, 1)) }],
    enhet: 'tkr',
    teckenfarg: true,
  };
}

export function trendSvar(fraga: Fraga, enhet: Enhet, till: Period, m: Svarsmiljo): Svar {
  const { fran } = trendintervall(fraga, till);
  const punkter = trendpunkter(m, enhet.id, fran, till);
  if (!punkter.length) return { text: `Det finns inga siffror för ${enhet.namn} mellan ${periodNamn(fran)} och ${periodNamn(till)}.` };
  const verdikt = trendverdikt(punkter);
  const rader = punkter.map(
    (p) =>
      `| ${periodNamn(p.period)} | ${formatTal(p.avvikelse)} | ${p.procent === null ? '–' : formatProcent(p.procent)} | ${p.manadsavvikelse === null ? '–' : formatTal(p.manadsavvikelse)} |`,
  );
  const text = [
    `**${enhet.namn}, ${periodNamn(punkter[0].period)}–${periodNamn(punkter[punkter.length - 1].period)}**`,
    verdikt?.text ?? `Bara en månad med siffror: ${avvikelseIOrd(punkter[0].avvikelse)}.`,
    ['| Period | Avvikelse t.o.m. (tkr) | Procent av budget | Bara månaden (tkr) |', '|---|---:|---:|---:|', ...rader].join('\n'),
  ].join('\n\n');
  const knappar = knapparFor(m, enhet.id, till);
  const diagram = trenddiagram(punkter, till);
  return {
    text,
    kort: {
      mall: 'trend',
      data: {
        rubrik: `${enhet.namn}: avvikelse ${trendensVad(punkter, till)} (tkr)`,
        verdikt: verdikt?.text ?? '',
        diagram,
        bildtext: diagramSomText(diagram),
        punkter: punkter.map((p) => ({
          manad: manadsetikett(p.period, till),
          varde: `${formatTkr(p.avvikelse)}${p.procent === null ? '' : ` (${formatProcent(p.procent)} av budget)`}`,
        })),
        enhet: enhet.namn,
        enhetId: enhet.id,
        visaDelar: knappar.delar,
        visaPrognos: knappar.prognos,
      },
    },
    kontext: { enhet: enhet.id, period: till, avsikt: 'trend' },
  };
}
