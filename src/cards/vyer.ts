/**
 * The view model of each card template in mallar/: one data type per template, so that a wrong template
 * name or a missing or misspelt field is a compile error, not a `${…}` left in a card. Some types carry a
 * field the template does not show (`enhet`, `skillnad`): the text answer and the tests read them.
 */
import type { Diagramvy } from '../diagram/vy.js';

export type Farg = 'Default' | 'Good' | 'Warning' | 'Attention';

export interface Faktum {
  title: string;
  value: string;
}

/** A button that asks a question on the user's behalf (Action.Submit with verb `fraga`). */
export interface Fragknapp {
  titel: string;
  fraga: string;
  enhet: string;
}

/** A button that opens or sends a form (Action.Execute with a verb). */
export interface Kortknapp {
  titel: string;
  verb: string;
  data: Record<string, unknown>;
}

export interface Val {
  titel: string;
  id: string;
}

/** A caveat shown above the figures ("Siffrorna för oktober är inte kompletta …"). */
interface MedNotering {
  notering?: string;
}

export interface Statuskort extends MedNotering {
  rubrik: string;
  verdikt: string;
  farg: Farg;
  fakta: Faktum[];
  detaljer: string[];
  barn: Array<{ namn: string; avvikelse: string }>;
  harBarn: boolean;
  barnRubrik: string;
  enhet: string;
  enhetId: string;
  period: string;
  /** a button is drawn only when it has something to show */
  visaTrend: boolean;
  visaDelar: boolean;
  visaAtgarder: boolean;
}

/**
 * A card with a chart: the answer gives the chart's data; the picture (a PNG as a data URI) is drawn only for a
 * reply that goes to Teams (src/usecases/diagrambild.ts). The card shows the figures as text as well.
 */
export interface MedDiagram {
  diagram?: Diagramvy;
  /** the chart as data:image/png;base64,… once drawn */
  bild?: string;
  /** the chart in words, for screen readers */
  bildtext?: string;
}

export interface Trendkort extends MedNotering, MedDiagram {
  rubrik: string;
  verdikt: string;
  /** the figures under the chart: "jan", "−1 234 tkr (103,2 % av budget)" */
  punkter: Array<{ manad: string; varde: string }>;
  enhet: string;
  enhetId: string;
  visaDelar: boolean;
  visaPrognos: boolean;
}

export interface Faktakort extends MedNotering, MedDiagram {
  rubrik: string;
  undertitel: string;
  fakta: Faktum[];
  rader: string[];
  enhet: string;
}

/** Text to the left, figures to the right: a column's cells and its heading share one alignment. */
export type Justering = 'Left' | 'Right';

/** A column of values under a row's name; `bredd` is its weight, the same in the heading and in every row. */
export interface Tabellkolumn {
  namn: string;
  justering: Justering;
  bredd: number;
}

/**
 * One row: its name on a line of its own, over the whole width (a long name wraps between words, never
 * inside one), and its values on the line below, in the section's columns.
 */
export interface Tabellrad {
  namn: string;
  /** a line under the name, for example the unit above it; empty for none */
  under: string;
  celler: Array<{ text: string; justering: Justering; bredd: number; farg: Farg }>;
}

/** A table of its own under a heading: one plan's measures, or the deficits of a ranking. */
export interface Tabellsektion {
  rubrik: string;
  undertitel: string;
  kolumner: Tabellkolumn[];
  rader: Tabellrad[];
  fotnoter: string[];
}

/**
 * Tables laid out for Teams on a phone as well as on a laptop: each section its own heading and numbering,
 * each row's name above its values, figures right-aligned under headings that say what and when.
 */
export interface Tabellkort extends MedNotering {
  rubrik: string;
  sektioner: Tabellsektion[];
  fotnoter: string[];
}

export interface Jamforelsekort extends MedNotering {
  rubrik: string;
  a: { rubrik: string; rader: string[] };
  b: { rubrik: string; rader: string[] };
  slutsats: string;
  skillnad: string;
}

export interface Atgardskort {
  rubrik: string;
  enhet: string;
  enhetId: string;
  nr: number;
  fakta: Faktum[];
  kommentar: string;
}

export interface Hjalpkort {
  inledning: string;
  farskhet: string;
  tips: string;
  exempel: Array<{ fraga: string }>;
  fler: string[];
}

export interface Valkort {
  rubrik: string;
  val: Fragknapp[];
}

export interface Historikkort {
  rubrik: string;
  undertitel: string;
  poster: Array<{ rubrik: string; rader: string[] }>;
  noter: string[];
}

export interface Rapporteringskort {
  rubrik: string;
  info: string[];
  harFel: boolean;
  felrubrik: string;
  enheter: Val[];
  perioder: Val[];
  varden: Record<'enhet' | 'period' | 'budget_ack' | 'utfall_ack' | 'budget_helar' | 'prognos_helar' | 'kommentar', string>;
  fel: Record<'enhet' | 'period' | 'budget_ack' | 'utfall_ack' | 'budget_helar' | 'prognos_helar' | 'kommentar', string>;
  /** figures that can hardly be right, beside their field; the next press of the button confirms them */
  harVarningar: boolean;
  varningsrubrik: string;
  varning: Record<'enhet' | 'period' | 'budget_ack' | 'utfall_ack' | 'budget_helar' | 'prognos_helar' | 'kommentar', string>;
  /** what the next press confirms (domain/rimlighet.ts rimlighetsnyckel), empty when nothing was questioned */
  bekraftat: string;
  knapptitel: string;
  /** a month marked ready: the reason a change needs */
  korrigering: { visas: boolean; varde: string; fel: string };
  harReferens: boolean;
  referensrubrik: string;
  referens: Faktum[];
  kortId: string;
  grundversion: number;
  grundenhet: string;
  grundperiod: string;
  verbSpara: string;
  verbOppna: string;
}

export interface Atgardsformularkort {
  rubrik: string;
  fakta: Faktum[];
  info: string[];
  harFel: boolean;
  felrubrik: string;
  varden: Record<'status' | 'ar' | 'besparing' | 'kommentar', string>;
  fel: Record<'status' | 'ar' | 'besparing' | 'kommentar', string>;
  statusar: Val[];
  aren: Val[];
  kortId: string;
  grundversion: number;
  enhet: string;
  nr: number;
  verbSpara: string;
}

export interface Kvittokort {
  rubrik: string;
  undertitel: string;
  verdikt: string;
  farg: Farg;
  fakta: Faktum[];
  kommentar: string;
  andringsrubrik: string;
  andringar: string[];
  varningar: string[];
  knappar: Kortknapp[];
  fragor: Fragknapp[];
  harAndringar: boolean;
  harVarningar: boolean;
}

export interface Konfliktkort {
  rubrik: string;
  text: string;
  sparatRubrik: string;
  /** each field's name on a line of its own, the stored and the sent value under it */
  rader: Array<{
    falt: string;
    sparat: string;
    ditt: string;
    olika: boolean;
    markering: 'Bolder' | 'Default';
    farg: Farg;
    justering: Justering;
  }>;
  spara: Kortknapp;
  borjaOm: Kortknapp;
}

export interface Meddelandekort {
  rubrik: string;
  rader: string[];
  farg: Farg;
}

export interface Larmkort {
  rubrik: string;
  niva: string;
  farg: Farg;
  stil: 'warning' | 'attention';
  ingress: string;
  fakta: Faktum[];
  detaljer: string[];
  harAtgarder: boolean;
  visaTrend: boolean;
  /** the unit whose measures the button shows: this one, or the nearest above with a plan; absent when none has */
  atgarderFor?: { enhetId: string; titel: string };
  atgarder: Faktum[];
  atgardsnotis: string | undefined;
  nasta: string | undefined;
  enhetId: string;
}

export interface Aterstalltkort {
  rubrik: string;
  ingress: string;
  fakta: Faktum[];
  enhetId: string;
}

/** The nämnd's monthly report (src/answers/manadsrapport.ts): the protocol table, notes, comments, measures. */
export interface Manadsrapportkort extends MedNotering {
  rubrik: string;
  undertitel: string;
  /** which units have not reported, and that the sums are then partial */
  ejRapporterat?: string;
  rader: Array<{
    namn: string;
    budget: string;
    utfall: string;
    avvikelse: string;
    procent: string;
    farg: Farg;
    vikt: 'Default' | 'Bolder';
  }>;
  harHelar: boolean;
  helarsrubrik: string;
  helar: Array<{ namn: string; arsbudget: string; prognos: string; avvikelse: string; farg: Farg; vikt: 'Default' | 'Bolder' }>;
  noter: string[];
  harKorrigeringar: boolean;
  korrigeringar: string[];
  harKommentarer: boolean;
  kommentarer: Array<{ rubrik: string; rader: string[] }>;
  harAtgarder: boolean;
  atgardsrubrik: string;
  atgarder: string[];
  /** Excel and Word, in personal chat; none where files cannot be offered */
  knappar: Array<{ titel: string; format: 'xlsx' | 'docx' }>;
  filnotis?: string;
  enhetId: string;
  period: string;
}

/** The reporting round for a nämnd or the municipality: who has reported a month, who is missing or late. */
export interface Rapporteringslagekort {
  rubrik: string;
  verdikt: string;
  farg: Farg;
  ingress: string[];
  rader: Array<{ enhet: string; lage: string; farg: Farg; ansvarig: string }>;
  fotnoter: string[];
  knappar: Fragknapp[];
  enhetId: string;
  period: string;
}

/** A file sent to the bot: the preview of what an import would change, or its receipt. */
export interface Filimportkort {
  rubrik: string;
  farg: Farg;
  ingress: string[];
  sektioner: Array<{ rubrik: string; farg: Farg; rader: string[] }>;
  /** Importera and Avbryt on a preview that can be imported; none otherwise */
  knappar: Kortknapp[];
}

/** Template name (the file in mallar/ without .json) to the data it binds. */
export interface Kortdata {
  status: Statuskort;
  trend: Trendkort;
  fakta: Faktakort;
  tabell: Tabellkort;
  jamforelse: Jamforelsekort;
  atgard: Atgardskort;
  hjalp: Hjalpkort;
  val: Valkort;
  historik: Historikkort;
  rapportera: Rapporteringskort;
  atgardsformular: Atgardsformularkort;
  kvitto: Kvittokort;
  konflikt: Konfliktkort;
  meddelande: Meddelandekort;
  larm: Larmkort;
  aterstallt: Aterstalltkort;
  manadsrapport: Manadsrapportkort;
  rapporteringslage: Rapporteringslagekort;
  filimport: Filimportkort;
}

export type Mallnamn = keyof Kortdata;

/** A card view model: which template, and the data bound to it. Text and card are built from one model. */
export type Kortvy = { [M in Mallnamn]: { mall: M; data: Kortdata[M] } }[Mallnamn];

/** The same card with a caveat on top; templates without a place for one ignore it. */
export function medNotering(vy: Kortvy, notering: string): Kortvy {
  return { ...vy, data: { ...vy.data, notering } } as Kortvy;
}
