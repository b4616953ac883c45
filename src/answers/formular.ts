import { farRapportera, rapporteringsenheter, rapporterarSjalv } from '../domain/behorighet.js';
import {
  ATGARDSFALT,
  ATGARDSFALTNAMN,
  type Atgardsfalt,
  type Atgardsvarden,
  UTFALLSFALT,
  UTFALLSFALTNAMN,
  type Utfallsfalt,
  type Utfallsvarden,
  utfallsvarningar,
  varningsgrans,
} from '../domain/granskning.js';
import { PERIOD_MONSTER, type Period, ar, foregaende, forskjut, manad, period, periodNamn, tomText } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { ATGARDSSTATUS, type Atgard, type Enhet, type Utfall } from '../domain/schema.js';
import { avvikelse, procentAvBudget, senastePeriodFor, siffrorFor } from '../domain/siffror.js';
import { avrunda, formatProcent, formatTal, formatTkr } from '../domain/tal.js';
import { ord } from '../language/normalisera.js';
import { tolkaPeriod } from '../language/perioder.js';
import { atgardsandringar, utfallsandringar, vemNamn } from './historik.js';
import { avvikelseIOrd, datumKort, prognosIOrd } from './ord.js';
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

const beloppEllerStreck = (v: number | null) => (v === null ? '–' : formatTkr(v));

/** "novembersiffrorna", "oktoberutfallet", "förra månadens siffror": the month a report is for, as people write it. */
/** The month a report is for, as the question says it ("novembersiffrorna", "förra månadens"); the calendar month before for the latter. */
export function periodUrSammansattning(fragetext: string, nu: Period): Period | null {
  const tid = tolkaPeriod(ord(fragetext), nu);
  return tid.period ?? (tid.relativ === 'senaste_stangda' ? foregaende(nu) : null);
}

/**
 * The month a new report is for: the month after the latest with figures for the unit, never after the
 * current month; with no figures at all, the last closed month.
 */
export function standardperiod(reg: Register, enhetId: string, nu: Period): Period {
  const senaste = senastePeriodFor(reg, enhetId, nu);
  if (!senaste) return foregaende(nu);
  const nasta = forskjut(senaste, 1);
  return nasta > nu ? nu : nasta;
}

/**
 * The unit a plain "rapportera" is about: the one the conversation is about if the user may report for it,
 * otherwise the user's reporting unit that is furthest behind (tree order on ties).
 */
export function standardenhet(m: Svarsmiljo): Enhet | undefined {
  const reg = m.register;
  const foljer = m.kontext?.enhet;
  if (foljer && farRapportera(m.anvandare, foljer, reg)) return reg.enhet(foljer);
  const alla = rapporteringsenheter(m.anvandare, reg);
  const egna = alla.filter((e) => rapporterarSjalv(e, reg));
  const senast = (e: Enhet) => senastePeriodFor(reg, e.id, m.nu) ?? '';
  return [...egna].sort((a, b) => (senast(a) < senast(b) ? -1 : senast(a) > senast(b) ? 1 : 0))[0] ?? alla[0];
}

function periodval(nu: Period, vald: string): Array<{ titel: string; id: string }> {
  const perioder: string[] = [];
  for (let p = nu; p >= period(ar(nu) - 1, 1); p = foregaende(p)) perioder.push(p);
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

export interface Utfallsformularunderlag {
  enhet: string;
  period: Period;
  kortId: string;
  /** what the form was first built from; kept when the same form comes back with errors */
  grund?: { version: number; enhet: string; period: string };
  /** what the user sent, kept as typed */
  varden?: Record<string, unknown>;
  fel?: Partial<Record<Utfallsfalt, string>>;
}

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
      `${enhet.namn} summeras annars från sina underliggande enheter${r ? ` (${r.antal} av ${r.av} har rapporterat för ${periodNamn(p)})` : ''}. Fälten är ifyllda med summan. Siffror du skickar här blir enhetens egna och gäller i stället för summan.`,
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

  const varden = u.varden
    ? (Object.fromEntries(UTFALLSFALT.map((f) => [f, text(u.varden![f], f === 'kommentar' ? 4000 : 200)])) as Record<Utfallsfalt, string>)
    : forifyllt;
  const fel = tommaFel(UTFALLSFALT, u.fel);
  const harFel = Object.values(fel).some(Boolean);
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
    ...(harFel
      ? [
          FELRUBRIK,
          ...Object.values(fel)
            .filter(Boolean)
            .map((f) => `- ${f}`),
        ]
      : []),
    ...info,
    UTFALLSFALT.filter((f) => f !== 'enhet' && f !== 'period')
      .map((f) => `${UTFALLSFALTNAMN[f]}: ${somSkrivet(varden[f] || '–')}`)
      .join('\n'),
    fore ? `Som jämförelse, ${periodNamn(foraManad)}: ${referens.map((r) => `${r.title} ${r.value}`).join(', ')}.` : '',
    'Fyll i kortet och tryck på Skicka.',
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

function utfallsfakta(u: Pick<Utfall, 'budget_ack' | 'utfall_ack' | 'budget_helar' | 'prognos_helar'>) {
  const avv = avvikelse(u.budget_ack, u.utfall_ack);
  const procent = procentAvBudget(u.budget_ack, u.utfall_ack);
  const fakta = [
    { title: 'Budget t.o.m.', value: formatTkr(u.budget_ack) },
    { title: 'Utfall t.o.m.', value: formatTkr(u.utfall_ack) },
    { title: 'Avvikelse', value: `${formatTal(avv)} tkr` },
    { title: 'Procent av budget', value: procent === null ? '–' : formatProcent(procent) },
    { title: 'Årsbudget', value: beloppEllerStreck(u.budget_helar) },
    { title: 'Helårsprognos', value: beloppEllerStreck(u.prognos_helar) },
  ];
  if (u.budget_helar !== null && u.prognos_helar !== null)
    fakta.push({ title: 'Prognosavvikelse', value: `${formatTal(avvikelse(u.budget_helar, u.prognos_helar))} tkr` });
  return { avv, procent, fakta };
}

interface Knapp {
  titel: string;
  verb: string;
  data: Record<string, unknown>;
}
interface Fragknapp {
  titel: string;
  fraga: string;
  enhet: string;
}

function kvittokort(d: {
  rubrik: string;
  undertitel: string;
  verdikt: string;
  farg: string;
  fakta: Array<{ title: string; value: string }>;
  kommentar: string;
  andringsrubrik: string;
  andringar: string[];
  varningar: string[];
  knappar: Knapp[];
  fragor: Fragknapp[];
}) {
  return { mall: 'kvitto', data: { ...d, harAndringar: d.andringar.length > 0, harVarningar: d.varningar.length > 0 } };
}

/** The receipt that replaces the form: what is stored, the deviation, the version, what changed. */
export function utfallskvitto(m: Svarsmiljo, r: { ny: Utfall; fore: Utfall | null; upprepad?: boolean; oforandrad?: boolean }): Svar {
  const reg = m.register;
  const { ny, fore } = r;
  const enhet = reg.enhet(ny.enhet);
  const namn = enhet?.namn ?? ny.enhet;
  const { avv, procent, fakta } = utfallsfakta(ny);
  const verdikt = `${avvikelseIOrd(avv)}${procent === null ? '' : ` (${formatProcent(procent)} av budget)`}`;
  const prognos =
    ny.budget_helar !== null && ny.prognos_helar !== null
      ? `Helårsprognos: ${prognosIOrd(avvikelse(ny.budget_helar, ny.prognos_helar))}.`
      : '';
  const andringar = r.oforandrad ? [] : utfallsandringar(fore, ny);
  const andringsrubrik = r.oforandrad
    ? `Inget ändrades: siffrorna är desamma som i version ${ny.version}.`
    : fore
      ? `Ändrat från version ${fore.version}:`
      : 'Första versionen för perioden.';
  const varningar = [...utfallsvarningar(ny)];
  const barn = reg.barnTill(ny.enhet);
  if (barn.length && !r.oforandrad) {
    const summa = barn.map((b) => siffrorFor(reg, b.id, ny.period)).filter((s) => s !== null);
    if (summa.length) {
      const utfall = avrunda(
        summa.reduce((s, x) => s + x!.utfall_ack, 0),
        4,
      );
      varningar.push(
        `${namn} har nu egna siffror för ${periodNamn(ny.period)}; de gäller i stället för summan av de underliggande enheterna (utfall ${formatTkr(utfall)}).`,
      );
    }
  }
  const rubrik = `${r.oforandrad ? 'Redan sparat' : 'Sparat'}: ${namn} ${tomText(ny.period)}`;
  const undertitel = `Version ${ny.version} · ${datumKort(ny.rapporterad)} av ${vemNamn(reg, ny.rapporterad_av)}${r.upprepad ? ' · kortet var redan mottaget, inget nytt sparades' : ''}`;
  const text = [
    `**${rubrik}**`,
    undertitel,
    `${verdikt.charAt(0).toUpperCase()}${verdikt.slice(1)}. ${prognos}`.trim(),
    fakta.map((f) => `${f.title}: ${f.value}`).join('\n'),
    ny.kommentar ? `Kommentar: ${somSkrivet(ny.kommentar)}` : '',
    [andringsrubrik, ...andringar.map((a) => `- ${a}`)].join('\n'),
    ...varningar.map((v) => `⚠ ${v}`),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    text,
    kort: kvittokort({
      rubrik,
      undertitel,
      verdikt: `${verdikt.charAt(0).toUpperCase()}${verdikt.slice(1)}`,
      farg: avv < 0 ? 'Attention' : 'Good',
      fakta,
      kommentar: somSkrivet(ny.kommentar ?? ''),
      andringsrubrik,
      andringar,
      varningar,
      knappar: [{ titel: 'Korrigera', verb: VERB.oppnaUtfall, data: { enhet: ny.enhet, period: ny.period } }],
      fragor: [
        { titel: 'Visa historik', fraga: `visa historik ${periodNamn(ny.period)}`, enhet: ny.enhet },
        { titel: 'Visa läget', fraga: `hur ligger det mot budget ${periodNamn(ny.period)}`, enhet: ny.enhet },
      ],
    }),
    kontext: { enhet: ny.enhet, period: ny.period, avsikt: 'status' },
  };
}

interface Jamforelserad {
  falt: string;
  sparat: string;
  ditt: string;
  olika: boolean;
}

function konfliktkort(d: { rubrik: string; text: string; sparatRubrik: string; rader: Jamforelserad[]; spara: Knapp; borjaOm: Knapp }) {
  return {
    mall: 'konflikt',
    data: {
      ...d,
      rader: d.rader.map((r) => ({ ...r, markering: r.olika ? 'Bolder' : 'Default', farg: r.olika ? 'Attention' : 'Default' })),
    },
  };
}

/** Someone stored a newer version after the form was built: both values side by side, nothing overwritten. */
export function utfallskonflikt(
  m: Svarsmiljo,
  r: { nuvarande: Utfall; grundversion: number; varden: Utfallsvarden; kortId: string },
): Svar {
  const reg = m.register;
  const { nuvarande: n, varden: v } = r;
  const namn = reg.enhet(n.enhet)?.namn ?? n.enhet;
  const rubrik = `Någon hann före: ${namn} ${tomText(n.period)}`;
  const forklaring = `${vemNamn(reg, n.rapporterad_av)} sparade version ${n.version} ${datumKort(n.rapporterad)}, efter att ditt formulär skapades${r.grundversion ? ` från version ${r.grundversion}` : ''}. Inget av det du skickade har sparats. Jämför och välj.`;
  const rad = (f: Exclude<Utfallsfalt, 'enhet' | 'period' | 'kommentar'>): Jamforelserad => ({
    falt: UTFALLSFALTNAMN[f],
    sparat: beloppEllerStreck(n[f]),
    ditt: beloppEllerStreck(v[f]),
    olika: n[f] !== v[f],
  });
  const rader = [
    rad('budget_ack'),
    rad('utfall_ack'),
    rad('budget_helar'),
    rad('prognos_helar'),
    {
      falt: 'Kommentar',
      sparat: somSkrivet(n.kommentar ?? '–'),
      ditt: somSkrivet(v.kommentar ?? '–'),
      olika: (n.kommentar ?? null) !== (v.kommentar ?? null),
    },
  ];
  const spara: Knapp = {
    titel: `Spara mina siffror som version ${n.version + 1}`,
    verb: VERB.sparaUtfall,
    data: {
      enhet: v.enhet,
      period: v.period,
      budget_ack: beloppText(v.budget_ack),
      utfall_ack: beloppText(v.utfall_ack),
      budget_helar: beloppText(v.budget_helar),
      prognos_helar: beloppText(v.prognos_helar),
      kommentar: v.kommentar ?? '',
      kortId: r.kortId,
      grundversion: n.version,
      grundenhet: v.enhet,
      grundperiod: v.period,
    },
  };
  const borjaOm: Knapp = {
    titel: 'Öppna formuläret med de sparade siffrorna',
    verb: VERB.oppnaUtfall,
    data: { enhet: n.enhet, period: n.period },
  };
  const text = [
    `**${rubrik}**`,
    forklaring,
    rader.map((x) => `${x.falt}: sparat ${x.sparat}, ditt ${x.ditt}${x.olika ? ' (skiljer sig)' : ''}`).join('\n'),
  ].join('\n\n');
  return { text, kort: konfliktkort({ rubrik, text: forklaring, sparatRubrik: `Sparat (version ${n.version})`, rader, spara, borjaOm }) };
}

/** A short card for refusals and cards that cannot be used, so an invoke always gets a card back. */
export function meddelande(rubrik: string, rader: string[], farg: 'Attention' | 'Default' | 'Good' = 'Default'): Svar {
  return { text: [`**${rubrik}**`, ...rader].join('\n\n'), kort: { mall: 'meddelande', data: { rubrik, rader, farg } } };
}

function arsbelopp(b: Record<string, number>): string {
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
  const iAr = String(ar(m.nu));
  const aren = [...new Set([...Object.keys(a.plan), ...Object.keys(a.utfall), iAr])]
    .filter((y) => y <= iAr)
    .sort()
    .reverse();
  const forifyllt: Record<Atgardsfalt, string> = {
    status: a.status,
    ar: iAr,
    besparing: beloppText(a.utfall[iAr]),
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

export function atgardskvitto(m: Svarsmiljo, r: { ny: Atgard; fore: Atgard | null; upprepad?: boolean; oforandrad?: boolean }): Svar {
  const reg = m.register;
  const { ny, fore } = r;
  const iAr = String(ar(m.nu));
  const andringar = r.oforandrad ? [] : atgardsandringar(fore, ny);
  const andringsrubrik = r.oforandrad
    ? `Inget ändrades: åtgärden är densamma som i version ${ny.version}.`
    : fore
      ? `Ändrat från version ${fore.version}:`
      : 'Första versionen.';
  const rubrik = `${r.oforandrad ? 'Redan sparat' : 'Sparat'}: åtgärd ${ny.nr}, ${ny.atgard}`;
  const undertitel = `${reg.enhet(ny.enhet)?.namn ?? ny.enhet} · version ${ny.version} · ${datumKort(ny.andrad)} av ${vemNamn(reg, ny.andrad_av)}${r.upprepad ? ' · kortet var redan mottaget, inget nytt sparades' : ''}`;
  const plan = ny.plan[iAr];
  const realiserat = ny.utfall[iAr];
  const verdikt =
    plan !== undefined
      ? `Status ${ny.status}; realiserat ${iAr}: ${formatTkr(realiserat ?? 0)} av planerade ${formatTkr(plan)}`
      : `Status ${ny.status}`;
  const fakta = [
    { title: 'Status', value: ny.status },
    { title: 'Planerad besparing', value: arsbelopp(ny.plan) },
    { title: 'Realiserad besparing', value: arsbelopp(ny.utfall) },
  ];
  const text = [
    `**${rubrik}**`,
    undertitel,
    verdikt,
    fakta.map((f) => `${f.title}: ${f.value}`).join('\n'),
    ny.kommentar ? `Kommentar: ${somSkrivet(ny.kommentar)}` : '',
    [andringsrubrik, ...andringar.map((a) => `- ${a}`)].join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    text,
    kort: kvittokort({
      rubrik,
      undertitel,
      verdikt,
      farg: ny.status === 'försenad' || ny.status === 'avbruten' ? 'Warning' : 'Good',
      fakta,
      kommentar: somSkrivet(ny.kommentar ?? ''),
      andringsrubrik,
      andringar,
      varningar: [],
      knappar: [{ titel: 'Uppdatera igen', verb: VERB.oppnaAtgard, data: { enhet: ny.enhet, nr: String(ny.nr) } }],
      fragor: [{ titel: 'Visa historik', fraga: `visa historik för åtgärd ${ny.nr}`, enhet: ny.enhet }],
    }),
    kontext: { enhet: ny.enhet, avsikt: 'atgarder' },
  };
}

export function atgardskonflikt(
  m: Svarsmiljo,
  r: { nuvarande: Atgard; grundversion: number; varden: Atgardsvarden; kortId: string },
): Svar {
  const reg = m.register;
  const { nuvarande: n, varden: v } = r;
  const rubrik = `Någon hann före: åtgärd ${n.nr}, ${n.atgard}`;
  const forklaring = `${vemNamn(reg, n.andrad_av)} sparade version ${n.version} ${datumKort(n.andrad)}, efter att ditt formulär skapades från version ${r.grundversion}. Inget av det du skickade har sparats. Jämför och välj.`;
  const rader: Jamforelserad[] = [{ falt: 'Status', sparat: n.status, ditt: v.status, olika: n.status !== v.status }];
  if (v.ar !== null && v.besparing !== null) {
    const sparat = n.utfall[v.ar] ?? null;
    rader.push({
      falt: `Realiserad besparing ${v.ar}`,
      sparat: beloppEllerStreck(sparat),
      ditt: formatTkr(v.besparing),
      olika: sparat !== v.besparing,
    });
  }
  rader.push({
    falt: 'Kommentar',
    sparat: somSkrivet(n.kommentar ?? '–'),
    ditt: somSkrivet(v.kommentar ?? '–'),
    olika: (n.kommentar ?? null) !== (v.kommentar ?? null),
  });
  const spara: Knapp = {
    titel: `Spara mina ändringar som version ${n.version + 1}`,
    verb: VERB.sparaAtgard,
    data: {
      status: v.status,
      ar: v.ar ?? '',
      besparing: beloppText(v.besparing),
      kommentar: v.kommentar ?? '',
      kortId: r.kortId,
      grundversion: n.version,
      enhet: n.enhet,
      nr: n.nr,
    },
  };
  const borjaOm: Knapp = { titel: 'Öppna formuläret med det sparade', verb: VERB.oppnaAtgard, data: { enhet: n.enhet, nr: String(n.nr) } };
  const text = [`**${rubrik}**`, forklaring, rader.map((x) => `${x.falt}: sparat ${x.sparat}, ditt ${x.ditt}`).join('\n')].join('\n\n');
  return { text, kort: konfliktkort({ rubrik, text: forklaring, sparatRubrik: `Sparat (version ${n.version})`, rader, spara, borjaOm }) };
}
