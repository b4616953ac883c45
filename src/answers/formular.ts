import { fårRapportera, rapporteringsenheter, rapporterarSjalv } from '../domain/behorighet.js';
import {
  ATGARDSFALT,
  ATGARDSFALTNAMN,
  type Atgardsfalt,
  UTFALLSFALT,
  UTFALLSFALTNAMN,
  type Utfallsfalt,
  varningsgrans,
} from '../domain/granskning.js';
import { PERIOD_MONSTER, type Period, år, foregaende, forskjut, manad, period, periodNamn } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Rimlighetsvarning } from '../domain/rimlighet.js';
import { ATGARDSSTATUS, type Atgard, type Enhet, type Klarmarkering } from '../domain/schema.js';
import { klarmarkeringFor } from '../domain/klarmarkering.js';
import { senastePeriodFor, siffrorFor } from '../domain/siffror.js';
import { formatProcent, formatTkr } from '../domain/tal.js';
import { vemNamn } from './historik.js';
import { avvikelseIOrd, datumKort } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';
import { somSkrivet } from '../domain/markdown.js';

/** Verbs of the reporting cards' Action.Execute buttons; the Teams layer routes on them. */
export const VERB = {
  sparaUtfall: 'spara_utfall',
  oppnaUtfall: 'oppna_rapportering',
  sparaAtgard: 'spara_atgard',
  oppnaAtgard: 'oppna_atgard',
} as const;

const inmatningsformat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 4 });

/** An amount as it goes into an input: Swedish, full stored precision, so an untouched field reads back unchanged. */
export function beloppText(v: number | null | undefined): string {
  return v === null || v === undefined ? '' : inmatningsformat.format(v === 0 ? 0 : v);
}

const text = (v: unknown, max = 2000): string => (typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' ? String(v) : '');

export const beloppEllerStreck = (v: number | null) => (v === null ? '–' : formatTkr(v));

/**
 * The month a new report is for: the month after the latest with figures for the unit, but never the month
 * still running (its figures come when it has closed): at most the latest closed month.
 */
export function standardperiod(reg: Register, enhetId: string, nu: Period): Period {
  const stangd = foregaende(nu);
  const senaste = senastePeriodFor(reg, enhetId, nu);
  if (!senaste) return stangd;
  const nasta = forskjut(senaste, 1);
  return nasta > stangd ? stangd : nasta;
}

/**
 * The unit a plain "rapportera" is about: one the user reports for with no units below it, so that nobody
 * replaces a parent's sum by accident. The conversation's unit if it is such a unit, else the one below the
 * conversation's unit that is furthest behind, else the user's furthest behind (tree order on ties). Only a
 * user whose units all have units below them gets a parent.
 */
export function standardenhet(m: Svarsmiljo): Enhet | undefined {
  const reg = m.register;
  const alla = rapporteringsenheter(m.anvandare, reg);
  const utanUnderliggande = alla.filter((e) => reg.barnTill(e.id).length === 0);
  const senast = (e: Enhet) => senastePeriodFor(reg, e.id, m.nu) ?? '';
  const efterst = (lista: Enhet[]) => [...lista].sort((a, b) => (senast(a) < senast(b) ? -1 : senast(a) > senast(b) ? 1 : 0))[0];
  const foljer = m.kontext?.enhet;
  if (foljer && fårRapportera(m.anvandare, foljer, reg)) {
    if (reg.barnTill(foljer).length === 0) return reg.enhet(foljer);
    const under = new Set(reg.underliggande(foljer).map((e) => e.id));
    const inom = utanUnderliggande.filter((e) => under.has(e.id));
    if (inom.length) return efterst(inom);
  }
  if (utanUnderliggande.length) return efterst(utanUnderliggande);
  return efterst(alla.filter((e) => rapporterarSjalv(e, reg))) ?? alla[0];
}

function periodval(nu: Period, vald: string): Array<{ titel: string; id: string }> {
  const perioder: string[] = [];
  for (let p = nu; p >= period(år(nu) - 1, 1); p = foregaende(p)) perioder.push(p);
  if (PERIOD_MONSTER.test(vald) && !perioder.includes(vald)) perioder.push(vald);
  return perioder
    .sort()
    .reverse()
    .map((p) => ({ titel: periodNamn(p), id: p }));
}

function enhetsval(m: Svarsmiljo, vald: string): Array<{ titel: string; id: string }> {
  const reg = m.register;
  const enheter = rapporteringsenheter(m.anvandare, reg, [vald]);
  if (reg.enhet(vald) && !enheter.some((e) => e.id === vald)) enheter.push(reg.enhet(vald)!);
  return enheter.map((e) => {
    const foralder = e.foralder ? reg.enhet(e.foralder) : undefined;
    return { titel: foralder && reg.barnTill(e.id).length === 0 ? `${e.namn} (${foralder.namn})` : e.namn, id: e.id };
  });
}

function tommaFel<F extends string>(falt: readonly F[], fel: Partial<Record<F, string>> = {}): Record<F, string> {
  return Object.fromEntries(falt.map((f) => [f, fel[f] ?? ''])) as Record<F, string>;
}

const FELRUBRIK = 'Inget är sparat. Rätta det som är markerat och skicka igen.';
const VARNINGSRUBRIK =
  'Inget är sparat än: stämmer siffrorna? Rätta det som är markerat, eller tryck på Skicka ändå för att spara dem som de är (skriv gärna varför i kommentaren).';

export interface Utfallsformularunderlag {
  enhet: string;
  period: Period;
  kortId: string;
  /** what the form was first built from; kept when the same form comes back with errors */
  grund?: { version: number; enhet: string; period: string };
  /** what the user sent, kept as typed */
  varden?: Record<string, unknown>;
  fel?: Partial<Record<Utfallsfalt | 'korrigering', string>>;
  /** figures that can hardly be right; the form asks for the same figures once more to save them */
  rimlighet?: { varningar: Rimlighetsvarning[]; nyckel: string };
}

/** Why a correction of a month marked ready is refused without a reason: the same words in the form and the log. */
export function korrigeringKravs(reg: Register, markering: Klarmarkering): string {
  const vem = vemNamn(reg, markering.av);
  return `Månaden är klarmarkerad (${datumKort(markering.tid)} av ${vem}). Skriv varför siffrorna ändras i fältet "Varför korrigeras en klarmarkerad månad?"; ${vem} får ett meddelande om ändringen. Inget är sparat.`;
}

const antalUnder = (n: number) => (n === 1 ? 'en enhet' : `${n} enheter`);

/** The figures form for one unit and month, pre-filled, with last month for reference. */
export function utfallsformular(m: Svarsmiljo, u: Utfallsformularunderlag): Svar {
  const reg = m.register;
  const enhet = reg.enhet(u.enhet);
  if (!enhet) return { text: `Jag hittar ingen enhet "${u.enhet.slice(0, 40)}".` };
  const p = u.period;
  const nuvarande = reg.senasteVersion(enhet.id, p);
  const summerad = nuvarande ? null : siffrorFor(reg, enhet.id, p);
  const foraManad = foregaende(p);
  const fore = siffrorFor(reg, enhet.id, foraManad);
  const grund = u.grund ?? { version: nuvarande?.version ?? 0, enhet: enhet.id, period: p };
  const barn = reg.barnTill(enhet.id);
  const grans = varningsgrans(reg, enhet.id);

  const info: string[] = [];
  let forifyllt: Record<Utfallsfalt, string>;
  if (nuvarande) {
    forifyllt = {
      enhet: enhet.id,
      period: p,
      budget_ack: beloppText(nuvarande.budget_ack),
      utfall_ack: beloppText(nuvarande.utfall_ack),
      budget_helar: beloppText(nuvarande.budget_helar),
      prognos_helar: beloppText(nuvarande.prognos_helar),
      kommentar: nuvarande.kommentar ?? '',
    };
    info.push(
      `Det finns redan siffror för ${periodNamn(p)}: version ${nuvarande.version}, ${datumKort(nuvarande.rapporterad)} av ${vemNamn(reg, nuvarande.rapporterad_av)}. Det du skickar blir version ${nuvarande.version + 1}.`,
    );
    if (barn.length)
      info.push(`${enhet.namn} har egna siffror för perioden; de gäller i stället för summan av de underliggande enheterna.`);
  } else if (summerad) {
    forifyllt = {
      enhet: enhet.id,
      period: p,
      budget_ack: beloppText(summerad.budget_ack),
      utfall_ack: beloppText(summerad.utfall_ack),
      budget_helar: beloppText(summerad.budget_helar),
      prognos_helar: beloppText(summerad.prognos_helar),
      kommentar: '',
    };
    const r = summerad.rapporterade;
    info.push(
      `Obs! ${enhet.namn} har ${antalUnder(barn.length)} under sig och summeras annars från dem${r ? ` (${r.antal} av ${r.av} har rapporterat för ${periodNamn(p)})` : ''}. Siffror du skickar här blir enhetens egen rad och gäller i stället för summan av ${barn.length === 1 ? 'den' : `de ${barn.length}`}; du får bekräfta det innan något sparas. Fälten är ifyllda med summan.`,
    );
  } else {
    const startpunkt = fore && manad(p) > 1;
    forifyllt = {
      enhet: enhet.id,
      period: p,
      budget_ack: '',
      utfall_ack: '',
      budget_helar: startpunkt ? beloppText(fore.budget_helar) : '',
      prognos_helar: startpunkt ? beloppText(fore.prognos_helar) : '',
      kommentar: '',
    };
    info.push(
      `Inga siffror för ${periodNamn(p)} ännu.${startpunkt ? ` Årsbudget och helårsprognos är ifyllda från ${periodNamn(foraManad)} som utgångspunkt.` : ''}`,
    );
  }
  info.push(
    `Belopp i tkr, ackumulerat t.o.m. månaden; skriv till exempel 17 795,6, −1 651,4 eller 13,1 mnkr. Kommentar krävs vid underskott från ${formatProcent(grans, grans % 1 ? 1 : 0)} av budget.`,
  );
  const markering = klarmarkeringFor(reg, enhet.id, p);
  if (markering)
    info.push(
      `${periodNamn(p)} är klarmarkerad (${datumKort(markering.tid)} av ${vemNamn(reg, markering.av)}). En ändring är en korrigering: skriv varför i fältet längst ned.`,
    );

  const varden = u.varden
    ? (Object.fromEntries(UTFALLSFALT.map((f) => [f, text(u.varden![f], f === 'kommentar' ? 4000 : 200)])) as Record<Utfallsfalt, string>)
    : forifyllt;
  const fel = tommaFel(UTFALLSFALT, u.fel);
  const korrigering = {
    visas: markering !== undefined,
    varde: text(u.varden?.korrigering, 2000),
    fel: u.fel?.korrigering ?? '',
  };
  const harFel = Object.values(fel).some(Boolean) || korrigering.fel !== '';
  const varningar = u.rimlighet?.varningar ?? [];
  const varning = Object.fromEntries(
    UTFALLSFALT.map((f) => [
      f,
      varningar
        .filter((w) => w.falt === f)
        .map((w) => `⚠ ${w.text}`)
        .join('\n\n'),
    ]),
  ) as Record<Utfallsfalt, string>;
  const harVarningar = varningar.length > 0;
  const referens = fore
    ? [
        { title: 'Budget t.o.m.', value: formatTkr(fore.budget_ack) },
        { title: 'Utfall t.o.m.', value: formatTkr(fore.utfall_ack) },
        {
          title: 'Avvikelse',
          value: `${avvikelseIOrd(fore.avvikelse)}${fore.procent === null ? '' : ` (${formatProcent(fore.procent)})`}`,
        },
        { title: 'Årsbudget', value: beloppEllerStreck(fore.budget_helar) },
        { title: 'Helårsprognos', value: beloppEllerStreck(fore.prognos_helar) },
      ]
    : [];
  const rubrik = `Rapportera siffror: ${enhet.namn}, ${periodNamn(p)}`;
  const rader = [
    `**${rubrik}**`,
    ...(harFel ? [FELRUBRIK, ...[...Object.values(fel), korrigering.fel].filter(Boolean).map((f) => `- ${f}`)] : []),
    ...(harVarningar ? [VARNINGSRUBRIK, ...varningar.map((w) => `- ⚠ ${w.text}`)] : []),
    ...info,
    UTFALLSFALT.filter((f) => f !== 'enhet' && f !== 'period')
      .map((f) => `${UTFALLSFALTNAMN[f]}: ${somSkrivet(varden[f] || '–')}`)
      .join('\n'),
    fore ? `Som jämförelse, ${periodNamn(foraManad)}: ${referens.map((r) => `${r.title} ${r.value}`).join(', ')}.` : '',
    harVarningar ? 'Tryck på Skicka ändå för att spara siffrorna som de är.' : 'Fyll i kortet och tryck på Skicka.',
  ].filter(Boolean);
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'rapportera',
      data: {
        rubrik,
        info,
        harFel,
        felrubrik: FELRUBRIK,
        enheter: enhetsval(m, varden.enhet || enhet.id),
        perioder: periodval(m.nu, varden.period || p),
        varden,
        fel,
        harVarningar,
        varningsrubrik: VARNINGSRUBRIK,
        varning,
        bekraftat: u.rimlighet?.nyckel ?? '',
        knapptitel: harVarningar ? 'Skicka ändå' : 'Skicka',
        korrigering,
        harReferens: referens.length > 0,
        referensrubrik: `Som jämförelse: ${periodNamn(foraManad)}`,
        referens,
        kortId: u.kortId,
        grundversion: grund.version,
        grundenhet: grund.enhet,
        grundperiod: grund.period,
        verbSpara: VERB.sparaUtfall,
        verbOppna: VERB.oppnaUtfall,
      },
    },
    kontext: { enhet: enhet.id, period: p, avsikt: 'rapportera' },
  };
}

/** A short card for refusals and cards that cannot be used, so an invoke always gets a card back. */
export function meddelande(rubrik: string, rader: string[], farg: 'Attention' | 'Default' | 'Good' = 'Default'): Svar {
  return { text: [`**${rubrik}**`, ...rader].join('\n\n'), kort: { mall: 'meddelande', data: { rubrik, rader, farg } } };
}

export function arsbelopp(b: Record<string, number>): string {
  const ar_ = Object.keys(b).sort();
  return ar_.length ? ar_.map((a) => `${a}: ${formatTkr(b[a])}`).join(', ') : '–';
}

export interface Atgardsformularunderlag {
  atgard: Atgard;
  kortId: string;
  grundversion?: number;
  varden?: Record<string, unknown>;
  fel?: Partial<Record<Atgardsfalt, string>>;
}

/** The measure form: status, realised savings for a year, comment; the plan for reference. */
export function atgardsformular(m: Svarsmiljo, u: Atgardsformularunderlag): Svar {
  const reg = m.register;
  const a = u.atgard;
  const iÅr = String(år(m.nu));
  const aren = [...new Set([...Object.keys(a.plan), ...Object.keys(a.utfall), iÅr])]
    .filter((y) => y <= iÅr)
    .sort()
    .reverse();
  const forifyllt: Record<Atgardsfalt, string> = {
    status: a.status,
    ar: iÅr,
    besparing: beloppText(a.utfall[iÅr]),
    kommentar: a.kommentar ?? '',
  };
  const varden = u.varden
    ? (Object.fromEntries(ATGARDSFALT.map((f) => [f, text(u.varden![f], f === 'kommentar' ? 4000 : 200)])) as Record<Atgardsfalt, string>)
    : forifyllt;
  const fel = tommaFel(ATGARDSFALT, u.fel);
  const harFel = Object.values(fel).some(Boolean);
  const enhet = reg.enhet(a.enhet)?.namn ?? a.enhet;
  const rubrik = `Uppdatera åtgärd ${a.nr}: ${a.atgard}`;
  const fakta = [
    { title: 'Enhet', value: enhet },
    { title: 'Status nu', value: a.status },
    { title: 'Kategori', value: a.kategori },
    { title: 'Ansvarig', value: a.ansvarig || '–' },
    { title: 'Planerad besparing', value: arsbelopp(a.plan) },
    { title: 'Realiserad besparing', value: arsbelopp(a.utfall) },
    { title: 'Senast ändrad', value: `${datumKort(a.andrad)} av ${vemNamn(reg, a.andrad_av)} (version ${a.version})` },
  ];
  const info = [
    'Realiserad besparing i tkr för valt år; lämna tomt för att inte ändra. Kommentar krävs när åtgärden är försenad eller avbruten.',
  ];
  const text_ = [
    `**${rubrik}**`,
    ...(harFel
      ? [
          FELRUBRIK,
          ...Object.values(fel)
            .filter(Boolean)
            .map((f) => `- ${f}`),
        ]
      : []),
    fakta.map((f) => `${f.title}: ${f.value}`).join('\n'),
    ...info,
    ATGARDSFALT.map((f) => `${ATGARDSFALTNAMN[f]}: ${somSkrivet(varden[f] || '–')}`).join('\n'),
    'Fyll i kortet och tryck på Spara.',
  ].join('\n\n');
  return {
    text: text_,
    kort: {
      mall: 'atgardsformular',
      data: {
        rubrik,
        fakta,
        info,
        harFel,
        felrubrik: FELRUBRIK,
        varden,
        fel,
        statusar: ATGARDSSTATUS.map((s) => ({ titel: s, id: s })),
        aren: (/^\d{4}$/.test(varden.ar) && !aren.includes(varden.ar) ? [...aren, varden.ar] : aren).map((y) => ({ titel: y, id: y })),
        kortId: u.kortId,
        grundversion: u.grundversion ?? a.version,
        enhet: a.enhet,
        nr: a.nr,
        verbSpara: VERB.sparaAtgard,
      },
    },
    kontext: { enhet: a.enhet, avsikt: 'atgarder' },
  };
}
