/**
 * A small general glossary, not any municipality's names: common English finance, HR and municipal words as the
 * Swedish words the rest of the parser and the store's own names use, and Swedish everyday forms of common
 * KPIs. Phrases are written normalised (lower case, no diacritics, words only).
 */

/** English phrases, longest first when applied. Unambiguous phrases are always rewritten. */
const ENGELSKA_FRASER: Array<[string, string]> = [
  ['long term sick leave', 'langtidssjukfranvaro'],
  ['long term sickness absence', 'langtidssjukfranvaro'],
  ['short term sick leave', 'korttidssjukfranvaro'],
  ['short term sickness absence', 'korttidssjukfranvaro'],
  ['sickness absence', 'sjukfranvaro'],
  ['sick leave', 'sjukfranvaro'],
  ['staff turnover', 'personalomsattning'],
  ['employee turnover', 'personalomsattning'],
  ['personnel turnover', 'personalomsattning'],
  ['full time equivalents', 'arsarbetare'],
  ['permanent employees', 'tillsvidareanstallda'],
  ['temporary employees', 'visstidsanstallda'],
  ['qualified teachers', 'behoriga larare'],
  ['certified teachers', 'behoriga larare'],
  ['cost per user', 'kostnad per brukare'],
  ['cost per client', 'kostnad per brukare'],
  ['social assistance', 'ekonomiskt bistand'],
  ['income support', 'forsorjningsstod'],
  ['home care', 'hemtjanst'],
  ['home help', 'hemtjanst'],
  ['elderly care', 'aldreomsorg'],
  ['nursing homes', 'sarskilt boende'],
  ['nursing home', 'sarskilt boende'],
  ['residential care', 'sarskilt boende'],
  ['individual and family care', 'individ och familjeomsorg'],
  ['social services committee', 'socialnamnden'],
  ['social welfare committee', 'socialnamnden'],
  ['social services', 'socialtjansten'],
  ['rescue services', 'raddningstjanst'],
  ['fire department', 'raddningstjanst'],
  ['fire brigade', 'raddningstjanst'],
  ['compulsory school', 'grundskola'],
  ['primary school', 'grundskola'],
  ['upper secondary school', 'gymnasieskola'],
  ['high school', 'gymnasieskola'],
  ['adult education', 'vuxenutbildning'],
  ['disability support', 'funktionsstod'],
  ['personal assistance', 'personlig assistans'],
  ['refugee reception', 'flyktingmottagande'],
  ['action plan', 'atgardsplanen'],
  ['in millions', 'i miljoner'],
  ['the year before', 'aret innan'],
  ['previous year', 'forra aret'],
  ['last year', 'i fjol'],
  ['month by month', 'manad for manad'],
  ['compared with', 'jamfort med'],
  ['compared to', 'jamfort med'],
  ['breakdown of', 'bryt ned'],
  ['break down', 'bryt ned'],
  ['went over budget', 'gick over budget'],
  ['over budget', 'over budget'],
];

/** Single English words, rewritten only in a question that reads as English. */
const ENGELSKA_ORD: Record<string, string> = {
  turnover: 'personalomsattning',
  overtime: 'overtid',
  employees: 'anstallda',
  households: 'hushall',
  preschool: 'forskola',
  committees: 'namnderna',
  committee: 'namnden',
  departments: 'verksamheter',
  activities: 'verksamheter',
  measures: 'atgarder',
  savings: 'besparingar',
  deficit: 'underskott',
  surplus: 'overskott',
  forecast: 'prognos',
  outcome: 'utfall',
  millions: 'miljoner',
  figures: 'siffrorna',
  numbers: 'siffrorna',
};

/** Swedish everyday forms of common KPIs, as one phrase the store's names are also reduced to. */
const SVENSKA_FRASER: Array<[RegExp, string]> = [
  [/\bhur manga\b/g, 'antal'],
  [/\bhur stor andel\b/g, 'andel'],
  [/\b(den )?(lang|langa) sjuk(franvaro|franvaron|skrivning\w*)\b/g, 'langtidsfranvaro'],
  [/\b(den )?(kort|korta) sjuk(franvaro|franvaron|skrivning\w*)\b/g, 'korttidsfranvaro'],
];

/** Swedish compounds that name the same KPI, as one word (both the question's and the store's names). */
const SVENSKA_ORD: Array<[RegExp, string]> = [
  [/^kort(t)?ids(s?juk)?franvaro(n)?$/, 'korttidsfranvaro'],
  [/^lang(t)?ids(s)?(s?juk)?franvaro(n)?$/, 'langtidsfranvaro'],
  [/^langtidssjukskrivning\w*$/, 'langtidsfranvaro'],
  [/^korttidssjukskrivning\w*$/, 'korttidsfranvaro'],
  [/^sjukskrivning\w*$|^sjuktal\w*$/, 'sjukfranvaro'],
];

const FRASER = [...ENGELSKA_FRASER].sort((a, b) => b[0].length - a[0].length);
const FRASMONSTER = new RegExp(`\\b(${FRASER.map(([f]) => f).join('|')})\\b`, 'g');
const FRASKARTA = new Map(FRASER);

/** A normalised question with English phrases (and, in an English question, English words) in Swedish. */
export function översätt(normal: string, engelska: boolean): string {
  let ut = normal.replace(FRASMONSTER, (f) => FRASKARTA.get(f) ?? f);
  if (engelska) ut = ut.replace(/\b[a-z]+\b/g, (o) => ENGELSKA_ORD[o] ?? o);
  for (const [monster, ersatt] of SVENSKA_FRASER) ut = ut.replace(monster, ersatt);
  return ut;
}

/** One word in its canonical KPI form, for the question and the store's names alike. */
export function kanoniskt(ord: string): string {
  for (const [monster, ersatt] of SVENSKA_ORD) if (monster.test(ord)) return ersatt;
  return ord;
}
