import { forandringIOrd, prognosIOrd, avvikelseIOrd } from '../answers/ord.js';
import { somSkrivet } from '../domain/markdown.js';
import type { Svar } from '../answers/svar.js';
import type { Kortvy, Larmkort } from '../cards/vyer.js';
import { type Period, foregaende, manad, manadsnamn, periodNamn, tillOchMedText } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Atgard, LARMSLAG } from '../domain/schema.js';
import { type Siffror, siffrorFor } from '../domain/siffror.js';
import { formatProcent, formatTal, formatTkr } from '../domain/tal.js';
import { type Orsak, type Trosklar, procentgrans } from './trosklar.js';

export type Larmslag = (typeof LARMSLAG)[number];

/**
 * One alert as it was when it was planned: stored in the outbox entry, so the text and the card
 * sent later (also after a restart) say what was true when the figures came in.
 */
export interface Larmvy {
  slag: Larmslag;
  enhetId: string;
  enhetsnamn: string;
  period: Period;
  budget_ack: number;
  utfall_ack: number;
  avvikelse: number;
  procent: number | null;
  budget_helar: number | null;
  prognos_helar: number | null;
  prognosavvikelse: number | null;
  orsaker: Orsak[];
  trosklar: Trosklar;
  /** escalation: the level this conversation was told before; all-clear: the alert it clears */
  tidigare: { niva: 'varning' | 'kritisk'; period: Period } | null;
  forandring: string | null;
  kommentar: string | null;
  kommentarAv: string | null;
  storsta: Array<{ namn: string; avvikelse: number; kommentar: string | null }>;
  atgarder: Array<{ nr: number; enhet: string; atgard: string; status: Atgard['status'] }>;
  atgarderTotalt: number;
  /** when the unit has no measures of its own: the nearest unit above that has */
  atgarderOvan: { id?: string; namn: string; antal: number } | null;
}

const STATUSORDNING: Record<Atgard['status'], number> = { försenad: 0, pågår: 1, 'ej påbörjad': 2, genomförd: 3, avbruten: 4 };
const VISADE_ATGARDER = 6;

export function byggLarmvy(
  reg: Register,
  s: Siffror,
  slag: Larmslag,
  orsaker: Orsak[],
  trosklar: Trosklar,
  tidigare: Larmvy['tidigare'],
): Larmvy {
  const enhetId = s.enhet.id;
  const fore = manad(s.period) > 1 ? siffrorFor(reg, enhetId, foregaende(s.period)) : null;
  const egna = [s.enhet, ...reg.underliggande(enhetId)].flatMap((e) => reg.atgarder(e.id)).filter((a) => a.status !== 'avbruten');
  egna.sort((a, b) => STATUSORDNING[a.status] - STATUSORDNING[b.status] || a.nr - b.nr);
  let atgarderOvan: Larmvy['atgarderOvan'] = null;
  if (!egna.length) {
    const ovan = reg
      .kedja(enhetId)
      .slice(1)
      .find((e) => reg.atgarder(e.id).length > 0);
    if (ovan) atgarderOvan = { id: ovan.id, namn: ovan.namn, antal: reg.atgarder(ovan.id).length };
  }
  const barn = reg
    .barnTill(enhetId)
    .map((b) => ({ b, bs: siffrorFor(reg, b.id, s.period) }))
    .filter((x): x is { b: typeof x.b; bs: Siffror } => x.bs !== null && x.bs.avvikelse < 0)
    .sort((a, b) => a.bs.avvikelse - b.bs.avvikelse)
    .slice(0, 3);
  const rad = s.egenRad;
  return {
    slag,
    enhetId,
    enhetsnamn: s.enhet.namn,
    period: s.period,
    budget_ack: s.budget_ack,
    utfall_ack: s.utfall_ack,
    avvikelse: s.avvikelse,
    procent: s.procent,
    budget_helar: s.budget_helar,
    prognos_helar: s.prognos_helar,
    prognosavvikelse: s.prognosavvikelse,
    orsaker,
    trosklar,
    tidigare,
    forandring: fore ? `Sedan ${manadsnamn(fore.period)} ${forandringIOrd(fore.avvikelse, s.avvikelse)}.` : null,
    kommentar: rad?.kommentar ?? null,
    kommentarAv: rad ? (reg.anvandare.get(rad.rapporterad_av)?.namn ?? null) : null,
    storsta: barn.map((x) => ({ namn: x.b.namn, avvikelse: x.bs.avvikelse, kommentar: x.bs.egenRad?.kommentar ?? null })),
    atgarder: egna.slice(0, VISADE_ATGARDER).map((a) => ({ nr: a.nr, enhet: a.enhet, atgard: a.atgard, status: a.status })),
    atgarderTotalt: egna.length,
    atgarderOvan,
  };
}

const NIVAORD = { varning: 'varning', kritisk: 'kritisk nivå' } as const;

function orsakstext(o: Orsak): string {
  const fran = o.niva === 'kritisk' ? 'kritisk från' : 'varning från';
  if (o.matt === 'procent') return `utfallet är ${formatProcent(o.varde)} av budget (${fran} ${procentgrans(o.grans)})`;
  return `helårsprognosen visar ${prognosIOrd(o.varde)} (${fran} underskott ${formatTkr(-o.grans)})`;
}

function forstaVersal(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function tertial(p: Period): string {
  return manad(p) === 4 ? 'tertialuppföljningen i april (T1)' : 'delårsuppföljningen i augusti (T2)';
}

export function larmrubrik(vy: Larmvy): string {
  const var_ = `${vy.enhetsnamn} ${tillOchMedText(vy.period)}`;
  switch (vy.slag) {
    case 'kritisk':
      return `Kritisk nivå: ${var_}`;
    case 'varning':
      return `Varning: ${var_}`;
    case 'återställt':
      return `Återställt: ${var_} är under larmgränserna igen`;
    case 'åtgärdsplan':
      return `Åtgärdsplan krävs: ${var_}`;
  }
}

/** The lead sentence: why this alert, in words. */
export function larmingress(vy: Larmvy): string {
  switch (vy.slag) {
    case 'kritisk':
    case 'varning':
      return `${forstaVersal(vy.orsaker.map(orsakstext).join(' och '))}.`;
    case 'återställt': {
      const delar = [
        vy.procent === null
          ? null
          : `utfallet är ${formatProcent(vy.procent)} av budget (varning från ${procentgrans(vy.trosklar.varning_procent)})`,
      ];
      if (vy.prognosavvikelse !== null) delar.push(`helårsprognosen visar ${prognosIOrd(vy.prognosavvikelse)}`);
      const fore = vy.tidigare ? ` Larmet gällde ${NIVAORD[vy.tidigare.niva]} ${tillOchMedText(vy.tidigare.period)}.` : '';
      return `${forstaVersal(delar.filter(Boolean).join(' och '))}.${fore}`;
    }
    case 'åtgärdsplan':
      return `${vy.enhetsnamn} visar ${avvikelseIOrd(vy.avvikelse)}${vy.procent === null ? '' : ` (${formatProcent(vy.procent)} av budget)`} vid ${tertial(vy.period)} och har ingen åtgärdsplan registrerad. Enligt kommunstyrelsens beslut (KS 2024-03-27 § 61) ska den som visar underskott vid tertialuppföljningen ta fram en åtgärdsplan för en ekonomi i balans.`;
  }
}

function eskalering(vy: Larmvy): string | null {
  const t = vy.tidigare;
  if (!t || (vy.slag !== 'varning' && vy.slag !== 'kritisk')) return null;
  if (vy.slag === 'kritisk' && t.niva === 'varning') {
    return t.period === vy.period
      ? 'Höjt från varning till kritisk nivå.'
      : `Höjt från varning (${periodNamn(t.period)}) till kritisk nivå.`;
  }
  return t.period === vy.period ? null : `Förra larmet gällde ${NIVAORD[t.niva]} ${tillOchMedText(t.period)}.`;
}

/** Comments and measure titles are what people wrote: shown as written, never as markdown (text and card alike). */
function kommentarrad(vy: Larmvy): string | null {
  if (vy.kommentar) return `Kommentar${vy.kommentarAv ? ` (${vy.kommentarAv})` : ''}: ${somSkrivet(vy.kommentar)}`;
  if (vy.storsta.length)
    return `Störst underskott: ${vy.storsta.map((b) => `${b.namn} ${formatTal(b.avvikelse)} tkr${b.kommentar ? ` (${somSkrivet(b.kommentar)})` : ''}`).join(', ')}.`;
  return null;
}

function antalAtgarder(n: number): string {
  return `${n} ${n === 1 ? 'åtgärd' : 'åtgärder'}`;
}

function atgardsrad(vy: Larmvy): string {
  if (!vy.atgarder.length) {
    if (vy.atgarderOvan)
      return `Inga åtgärder registrerade för ${vy.enhetsnamn}; ${vy.atgarderOvan.namn} har ${antalAtgarder(vy.atgarderOvan.antal)}.`;
    return `Inga åtgärder registrerade för ${vy.enhetsnamn}.`;
  }
  const lista = vy.atgarder.map((a) => `${a.nr}. ${somSkrivet(a.atgard)} (${a.status})`).join('; ');
  const fler = vy.atgarderTotalt > vy.atgarder.length ? ` … och ${vy.atgarderTotalt - vy.atgarder.length} till` : '';
  return `Åtgärder: ${lista}${fler}.`;
}

/** Alerts planned before the button was conditional hold no id for the unit above: they get no button rather than one that leads nowhere. */
function atgarderFor(vy: Larmvy): Larmkort['atgarderFor'] {
  if (vy.atgarder.length) return { enhetId: vy.enhetId, titel: 'Visa åtgärder' };
  if (vy.atgarderOvan?.id) return { enhetId: vy.atgarderOvan.id, titel: `Visa åtgärder för ${vy.atgarderOvan.namn}` };
  return undefined;
}

function siffrorader(vy: Larmvy): string[] {
  const rader = [
    `Utfall ${formatTkr(vy.utfall_ack)} mot budget ${formatTkr(vy.budget_ack)}: **${avvikelseIOrd(vy.avvikelse)}**${vy.procent === null ? '' : ` (${formatProcent(vy.procent)} av budget)`}.`,
  ];
  if (vy.prognos_helar !== null && vy.budget_helar !== null && vy.prognosavvikelse !== null) {
    rader.push(
      `Helårsprognos ${formatTkr(vy.prognos_helar)} mot årsbudget ${formatTkr(vy.budget_helar)}: ${prognosIOrd(vy.prognosavvikelse)}.`,
    );
  }
  return rader;
}

function fakta(vy: Larmvy): Array<{ title: string; value: string }> {
  const f = [
    { title: 'Budget t.o.m.', value: formatTkr(vy.budget_ack) },
    { title: 'Utfall t.o.m.', value: formatTkr(vy.utfall_ack) },
    { title: 'Avvikelse', value: `${formatTal(vy.avvikelse)}\u00a0tkr` },
    { title: 'Procent av budget', value: vy.procent === null ? '–' : formatProcent(vy.procent) },
  ];
  if (vy.budget_helar !== null) f.push({ title: 'Årsbudget', value: formatTkr(vy.budget_helar) });
  if (vy.prognos_helar !== null) f.push({ title: 'Helårsprognos', value: formatTkr(vy.prognos_helar) });
  if (vy.prognosavvikelse !== null) f.push({ title: 'Prognosavvikelse', value: `${formatTal(vy.prognosavvikelse)}\u00a0tkr` });
  return f;
}

/** Text and card of an alert, from its view model. */
export function larmSvar(vy: Larmvy): Svar {
  const rubrik = larmrubrik(vy);
  const ingress = larmingress(vy);
  if (vy.slag === 'återställt') {
    return {
      text: [`**${rubrik}**`, ingress].join('\n\n'),
      kort: {
        mall: 'aterstallt',
        data: {
          rubrik,
          ingress,
          fakta: fakta(vy)
            .slice(0, 4)
            .concat(fakta(vy).filter((x) => x.title === 'Prognosavvikelse')),
          enhetId: vy.enhetId,
        },
      },
      kontext: { enhet: vy.enhetId, period: vy.period, avsikt: 'status' },
    };
  }
  const detaljer = [eskalering(vy), vy.forandring, kommentarrad(vy)].filter((x): x is string => Boolean(x));
  const nasta = vy.slag === 'åtgärdsplan' ? 'Nästa steg: ta fram en åtgärdsplan och registrera åtgärderna i Budgetkollen.' : null;
  const text = [`**${rubrik}**`, ingress, ...siffrorader(vy), ...detaljer, atgardsrad(vy), nasta].filter(Boolean).join('\n\n');
  const kort: Kortvy = {
    mall: 'larm',
    data: {
      // the level stands in its own coloured label above, so the heading does not repeat it
      rubrik: `${vy.enhetsnamn} ${tillOchMedText(vy.period)}`,
      niva: vy.slag === 'kritisk' ? 'KRITISK NIVÅ' : vy.slag === 'varning' ? 'VARNING' : 'ÅTGÄRDSPLAN KRÄVS',
      farg: vy.slag === 'varning' ? 'Warning' : 'Attention',
      stil: vy.slag === 'varning' ? 'warning' : 'attention',
      ingress,
      fakta: fakta(vy),
      detaljer,
      harAtgarder: vy.atgarder.length > 0,
      visaTrend: vy.forandring !== null,
      atgarderFor: atgarderFor(vy),
      // not "2. …": at the start of a fact that is an ordered list in Teams' markdown
      atgarder: vy.atgarder.map((a) => ({ title: `Nr ${a.nr}: ${somSkrivet(a.atgard)}`, value: a.status })),
      atgardsnotis: vy.atgarder.length
        ? vy.atgarderTotalt > vy.atgarder.length
          ? `… och ${antalAtgarder(vy.atgarderTotalt - vy.atgarder.length)} till.`
          : undefined
        : atgardsrad(vy),
      nasta: nasta ?? undefined,
      enhetId: vy.enhetId,
    },
  };
  return { text, kort, kontext: { enhet: vy.enhetId, period: vy.period, avsikt: 'status' } };
}
