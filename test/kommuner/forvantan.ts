import type { Kommundata } from './data.js';

/** What a user must see: a string (found case-insensitively) or a pattern. */
export type Matchning = string | RegExp;

export const AVSIKTER = [
  'status',
  'prognos',
  'trend',
  'rankning',
  'nedbrytning',
  'jamforelse',
  'nyckeltal',
  'atgarder',
  'varfor',
  'farskhet',
  'okand-enhet',
  'vanliga-ord',
  'mnkr',
  'utanfor',
  'engelska',
  'foljdfraga',
] as const;
export type Avsikt = (typeof AVSIKTER)[number];

export interface Fraga {
  fraga: string;
  /** the label in the pass-rate report */
  avsikt: Avsikt;
  /** everything here must be in the visible reply */
  maste?: Matchning[];
  /** at least one of each group must be in the reply */
  nagon?: Matchning[][];
  /** none of this may be in the reply */
  inte?: Matchning[];
  /** earlier questions in the same conversation, asked first (a follow-up) */
  foljer?: string[];
  /** who asks, when not the municipality's default user */
  anvandare?: string;
}

export interface Kommun {
  namn: string;
  mapp: string;
  /** the bot's clock */
  nu: string;
  /** the AAD object id of the default asker */
  anvandare: string;
  fragor: Fraga[];
  /** the generated property phrasings are made for this municipality */
  egenskaper?: { ar: boolean; period: string };
}

/** Text as compared: NBSP and narrow NBSP as spaces, U+2212 and U+2013 as hyphen, no markdown bold. */
export function normalisera(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/\*\*/g, '');
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** sv-SE with at most one decimal, as the bot formats tkr (NBSP grouping, U+2212 minus) — normalised. */
export function sv(v: number, decimaler = 1): string {
  return normalisera(new Intl.NumberFormat('sv-SE', { maximumFractionDigits: decimaler }).format(v));
}

/** A number standing alone in the text (not the tail or head of a longer number). */
export function tal(v: number, decimaler = 1): RegExp {
  return new RegExp(`(?<![\\d,])(?<!\\d )${esc(sv(Math.abs(v), decimaler))}(?![\\d])(?!,\\d)(?! \\d{3}(?!\\d))`);
}

/** An amount in tkr, sign left to the words around it. */
export function tkr(v: number): RegExp {
  return new RegExp(`(?<![\\d,])(?<!\\d )${esc(sv(Math.abs(v)))} ?tkr`);
}

/** An amount in mnkr with one decimal, as a controller writes it ("13,1 mnkr"). */
export function mnkr(v: number): RegExp {
  const m = normalisera(new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(v) / 1000));
  return new RegExp(`(?<![\\d,])(?<!\\d )${esc(m)} ?(mnkr|mkr|miljoner)`, 'i');
}

/** utfall / budget in %, one decimal. */
export function procent(utfall: number, budget: number): RegExp {
  const p = Math.round((utfall / budget) * 1000) / 10;
  return new RegExp(`(?<![\\d,])${esc(sv(p))}(,0)? ?%`);
}

/** A KPI value with up to two decimals. */
export function kpi(v: number): RegExp {
  return tal(v, 2);
}

export const ORD = {
  underskott: /underskott|över budget|\bback\b/i,
  overskott: /överskott|under budget|\bplus\b/i,
  ja: /\bja\b/i,
  nej: /\bnej\b/i,
  finnsInte: /finns inte i uppföljningen/i,
  saknas: /saknas|inga siffror|finns inga|finns inte|har inga/i,
  vagrar: /svarar jag inte på|kan jag inte svara på|inte svara på det/i,
  exempel: /prova|till exempel|t\.ex\.|exempel/i,
  ingenEnhet: /hittar ingen enhet/i,
};

/** The figures a user checks in a status answer for one unit and period. */
export function status(k: Kommundata, id: string, period: string): Matchning[] {
  const s = k.krav(id, period);
  const avv = Math.round((s.budget - s.utfall) * 10) / 10;
  const ut: Matchning[] = [k.namn(id), tkr(s.utfall), tkr(s.budget)];
  if (avv !== 0) ut.push(tkr(avv), avv < 0 ? ORD.underskott : ORD.overskott);
  return ut;
}

/** Unit name plus its deviation as a bare number (ranking and breakdown lines); a zero deviation may be said in words. */
export function rad(k: Kommundata, id: string, period: string): Matchning[] {
  const avv = k.avvikelse(id, period);
  return [k.namn(id), avv === 0 ? NOLL : tal(avv)];
}

/** A deviation of zero: "0 tkr" or said in words. */
export const NOLL = /(?<![\d,])(?<!\d )0 tkr|i nivå med budget|budget i balans/i;

/** "0 tkr" standing alone (not the tail of "1 000 tkr"). */
export const NOLL_TKR = /(?<![\d,])(?<!\d )0 tkr/;

/** Prognosis: the forecast and the year's budget. */
export function prognos(k: Kommundata, id: string, period: string): Matchning[] {
  const s = k.krav(id, period);
  if (s.prognosHelar === null || s.budgetHelar === null) throw new Error(`ingen prognos för ${id} ${period}`);
  return [k.namn(id), tkr(s.prognosHelar), tkr(s.budgetHelar)];
}

export const MANADER = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
export function manad(period: string): RegExp {
  const [ar, m] = period.split('-');
  return new RegExp(`${MANADER[Number(m) - 1]} ${ar}`, 'i');
}

/** Checks a reply; returns what is wrong, empty when it passes. */
export function kontrollera(f: Fraga, svar: string): string[] {
  const text = normalisera(svar);
  const liten = text.toLowerCase();
  const fel: string[] = [];
  const finns = (m: Matchning) => (typeof m === 'string' ? liten.includes(normalisera(m).toLowerCase()) : m.test(text));
  const visa = (m: Matchning) => (typeof m === 'string' ? `"${m}"` : String(m));
  for (const m of f.maste ?? []) if (!finns(m)) fel.push(`saknar ${visa(m)}`);
  for (const grupp of f.nagon ?? []) if (!grupp.some(finns)) fel.push(`saknar något av ${grupp.map(visa).join(' | ')}`);
  for (const m of [...(f.inte ?? []), ...ALDRIG]) if (finns(m)) fel.push(`innehåller ${visa(m)}`);
  if (f.avsikt !== 'utanfor' && ORD.vagrar.test(text)) fel.push('svarar att frågan inte kan besvaras');
  if (!text.trim()) fel.push('inget svar');
  return fel;
}

/** What no reply may show, whatever the question. */
const ALDRIG: Matchning[] = [/NaN|undefined|Infinity|\[object /];
