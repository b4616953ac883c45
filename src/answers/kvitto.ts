import type { Atgardsvarden, Utfallsfalt, Utfallsvarden } from '../domain/granskning.js';
import { UTFALLSFALTNAMN, utfallsvarningar } from '../domain/granskning.js';
import type { Rimlighetsvarning } from '../domain/rimlighet.js';
import { somSkrivet } from '../domain/markdown.js';
import { år, periodNamn, tillOchMedText } from '../domain/period.js';
import type { Atgard, Utfall } from '../domain/schema.js';
import { avvikelse, procentAvBudget, siffrorFor } from '../domain/siffror.js';
import { avrunda, formatProcent, formatTal, formatTkr } from '../domain/tal.js';
import { VERB, arsbelopp, beloppEllerStreck, beloppText } from './formular.js';
import { atgardsandringar, utfallsandringar, vemNamn } from './historik.js';
import { avvikelseIOrd, datumKort, prognosIOrd } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';
import type { Kortknapp, Kortvy, Kvittokort } from '../cards/vyer.js';

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

function kvittokort(d: Omit<Kvittokort, 'harAndringar' | 'harVarningar'>): Kortvy {
  return { mall: 'kvitto', data: { ...d, harAndringar: d.andringar.length > 0, harVarningar: d.varningar.length > 0 } };
}

/** The receipt that replaces the form: what is stored, the deviation, the version, what changed. */
export function utfallskvitto(
  m: Svarsmiljo,
  r: { ny: Utfall; fore: Utfall | null; upprepad?: boolean; oforandrad?: boolean; bekraftade?: Rimlighetsvarning[] },
): Svar {
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
  // a parent's own row is said below in any case
  const bekraftade = (r.bekraftade ?? []).filter((v) => v.kod !== 'egen_rad_ersatter_summa');
  const varningar = [...bekraftade.map((v) => `Sparat efter bekräftelse: ${v.text}`), ...utfallsvarningar(ny)];
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
  const rubrik = `${r.oforandrad ? 'Redan sparat' : 'Sparat'}: ${namn} ${tillOchMedText(ny.period)}`;
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
  /** an amount: right-aligned under its heading */
  tal?: boolean;
}

function konfliktkort(d: {
  rubrik: string;
  text: string;
  sparatRubrik: string;
  rader: Jamforelserad[];
  spara: Kortknapp;
  borjaOm: Kortknapp;
}): Kortvy {
  return {
    mall: 'konflikt',
    data: {
      ...d,
      rader: d.rader.map(({ tal, ...r }) => ({
        ...r,
        markering: r.olika ? 'Bolder' : 'Default',
        farg: r.olika ? 'Attention' : 'Default',
        justering: tal ? 'Right' : 'Left',
      })),
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
  const rubrik = `Någon hann före: ${namn} ${tillOchMedText(n.period)}`;
  const forklaring = `${vemNamn(reg, n.rapporterad_av)} sparade version ${n.version} ${datumKort(n.rapporterad)}, efter att ditt formulär skapades${r.grundversion ? ` från version ${r.grundversion}` : ''}. Inget av det du skickade har sparats. Jämför och välj.`;
  const rad = (f: Exclude<Utfallsfalt, 'enhet' | 'period' | 'kommentar'>): Jamforelserad => ({
    falt: UTFALLSFALTNAMN[f],
    sparat: beloppEllerStreck(n[f]),
    ditt: beloppEllerStreck(v[f]),
    olika: n[f] !== v[f],
    tal: true,
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
  const spara: Kortknapp = {
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
  const borjaOm: Kortknapp = {
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

export function atgardskvitto(m: Svarsmiljo, r: { ny: Atgard; fore: Atgard | null; upprepad?: boolean; oforandrad?: boolean }): Svar {
  const reg = m.register;
  const { ny, fore } = r;
  const iÅr = String(år(m.nu));
  const andringar = r.oforandrad ? [] : atgardsandringar(fore, ny);
  const andringsrubrik = r.oforandrad
    ? `Inget ändrades: åtgärden är densamma som i version ${ny.version}.`
    : fore
      ? `Ändrat från version ${fore.version}:`
      : 'Första versionen.';
  const rubrik = `${r.oforandrad ? 'Redan sparat' : 'Sparat'}: åtgärd ${ny.nr}, ${ny.atgard}`;
  const undertitel = `${reg.enhet(ny.enhet)?.namn ?? ny.enhet} · version ${ny.version} · ${datumKort(ny.andrad)} av ${vemNamn(reg, ny.andrad_av)}${r.upprepad ? ' · kortet var redan mottaget, inget nytt sparades' : ''}`;
  const plan = ny.plan[iÅr];
  const realiserat = ny.utfall[iÅr];
  const verdikt =
    plan !== undefined
      ? `Status ${ny.status}; realiserat ${iÅr}: ${formatTkr(realiserat ?? 0)} av planerade ${formatTkr(plan)}`
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
      tal: true,
    });
  }
  rader.push({
    falt: 'Kommentar',
    sparat: somSkrivet(n.kommentar ?? '–'),
    ditt: somSkrivet(v.kommentar ?? '–'),
    olika: (n.kommentar ?? null) !== (v.kommentar ?? null),
  });
  const spara: Kortknapp = {
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
  const borjaOm: Kortknapp = {
    titel: 'Öppna formuläret med det sparade',
    verb: VERB.oppnaAtgard,
    data: { enhet: n.enhet, nr: String(n.nr) },
  };
  const text = [`**${rubrik}**`, forklaring, rader.map((x) => `${x.falt}: sparat ${x.sparat}, ditt ${x.ditt}`).join('\n')].join('\n\n');
  return { text, kort: konfliktkort({ rubrik, text: forklaring, sparatRubrik: `Sparat (version ${n.version})`, rader, spara, borjaOm }) };
}
