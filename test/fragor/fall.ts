// The question suite's cases, shared by test/fragor/fragor.test.ts and the card tests (test/kort/kort.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kontext } from '../../src/answers/svar.js';
import { DEMO, sv, vantadeSiffror } from '../support/demo.js';

/** Expected strings computed from the demo CSVs, not from the bot. */
const tkr = (v: number) => `${sv(Math.round(v * 10) / 10)} tkr`;
const avv = (id: string, p: string) => {
  const s = vantadeSiffror(id, p);
  return Math.round((s.budget - s.utfall) * 10) / 10;
};
const verdikt = (id: string, p: string) => {
  const a = avv(id, p);
  return `${a < 0 ? 'underskott' : 'överskott'} ${tkr(Math.abs(a))}`;
};
const procent = (id: string, p: string) => {
  const s = vantadeSiffror(id, p);
  const v = Math.round((s.utfall / s.budget) * 1000) / 10;
  return `${sv(v)}${Number.isInteger(v) ? ',0' : ''} %`;
};
const prognos = (id: string, p: string) => {
  const s = vantadeSiffror(id, p);
  const a = Math.round((s.budgetHelar - s.prognosHelar) * 10) / 10;
  return `Prognos ${tkr(s.prognosHelar)} mot årsbudget ${tkr(s.budgetHelar)}: ${a < 0 ? 'underskott' : 'överskott'} ${tkr(Math.abs(a))}`;
};
const status = (id: string, p: string) =>
  `Utfall ${tkr(vantadeSiffror(id, p).utfall)} mot budget ${tkr(vantadeSiffror(id, p).budget)}: ${verdikt(id, p)}`;
const csv = (fil: string) =>
  readFileSync(join(DEMO, fil), 'utf-8')
    .trim()
    .split('\n')
    .slice(1)
    .map((r) => r.split(';'));
const atgard = (enhet: string, nr: number) => csv('atgarder.csv').find((r) => r[0] === enhet && Number(r[1]) === nr)![2];
const kpi = (enhet: string, p: string, namn: string) =>
  `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(
    Number(
      csv('nyckeltal.csv')
        .find((r) => r[0] === enhet && r[1] === p && r[2] === namn)![3]
        .replace(',', '.'),
    ),
  )} %`;
const forsenade = () =>
  csv('atgarder.csv')
    .filter((r) => r[7] === 'försenad')
    .map((r) => r[2]);
const kategoriB = () =>
  csv('atgarder.csv')
    .filter((r) => r[6] === 'B')
    .map((r) => r[2]);

export interface Fall {
  fraga: string;
  avsikt: string;
  enhet?: string | null;
  period?: string | null;
  innehall?: Array<string | RegExp | (() => string | string[])>;
  idag?: string;
  kontext?: Kontext;
}

const N = '2025-11';
const O = '2025-10';

/** The question suite: each question with the intent, unit, period and content its answer must have. */
export const FALL: Fall[] = [
  // status
  {
    fraga: 'hur ligger IFO mot budget?',
    avsikt: 'status',
    enhet: 'ifo',
    period: N,
    innehall: [() => status('ifo', N), () => procent('ifo', N)],
  },
  { fraga: 'hur ligger ifo mot budgt', avsikt: 'status', enhet: 'ifo', period: N, innehall: [() => status('ifo', N)] },
  { fraga: 'Hur går det för äldreomsorgen?', avsikt: 'status', enhet: 'ao', period: N, innehall: [() => status('ao', N)] },
  { fraga: 'hur gar det for aldreomsorgen i ar', avsikt: 'status', enhet: 'ao', period: N, innehall: [() => status('ao', N)] },
  {
    fraga: 'ligger hemtjänsten över budget?',
    avsikt: 'status',
    enhet: 'hemtjanst',
    period: N,
    innehall: [/^Ja, Hemtjänst ligger över budget/, () => status('hemtjanst', N)],
  },
  {
    fraga: 'ligger korttidsboendet över budget',
    avsikt: 'status',
    enhet: 'korttid',
    period: N,
    innehall: [/^Nej, Korttidsboende ligger under budget/],
  },
  {
    fraga: 'hur låg socialnämnden t.o.m. oktober?',
    avsikt: 'status',
    enhet: 'sn',
    period: O,
    innehall: [() => status('sn', O), 'Socialnämnden t.o.m. oktober 2025'],
  },
  { fraga: 'säbo per sista oktober', avsikt: 'status', enhet: 'sabo', period: O, innehall: [() => status('sabo', O)] },
  {
    fraga: 'hur mycket gick IFO över i oktober, bara månaden',
    avsikt: 'status',
    enhet: 'ifo',
    period: O,
    innehall: [/oktober 2025 \(bara månaden\)/, () => `för månaden: underskott ${tkr(-(avv('ifo', O) - avv('ifo', '2025-09')))}`],
  },
  { fraga: 'avvikelsen för LSS förra månaden', avsikt: 'status', enhet: 'lss', period: N, innehall: [() => status('lss', N)] },
  { fraga: 'how is IFO doing against budget?', avsikt: 'status', enhet: 'ifo', period: N, innehall: [() => status('ifo', N)] },
  {
    fraga: 'status bildningsnämnden',
    avsikt: 'status',
    enhet: 'bn',
    period: N,
    innehall: [() => status('bn', N), 'Bildningsnämnden t.o.m. november 2025'],
  },
  { fraga: 'hur ligger HSL', avsikt: 'status', enhet: 'hsl', period: N, innehall: [() => status('hsl', N)] },
  { fraga: 'försörjningsstödet?', avsikt: 'status', enhet: 'ekbistand', period: N, innehall: [() => status('ekbistand', N)] },
  {
    fraga: 'hur låg servicenämnden i augusti 2024',
    avsikt: 'status',
    enhet: 'sen',
    period: '2024-08',
    innehall: [() => status('sen', '2024-08')],
  },
  {
    fraga: 'hur gick socialnämnden 2024',
    avsikt: 'status',
    enhet: 'sn',
    period: '2024-12',
    innehall: [() => status('sn', '2024-12'), 't.o.m. december 2024'],
  },
  { fraga: 'hur ligger vi mot budget?', avsikt: 'status', enhet: 'ifo', period: N, innehall: [() => status('ifo', N)] },
  { fraga: 'hur ligger kommunen totalt', avsikt: 'status', enhet: 'kommun', period: N, innehall: [() => status('kommun', N)] },
  { fraga: 'placeringarna mot budget t o m okt', avsikt: 'status', enhet: 'bou', period: O, innehall: [() => status('bou', O)] },
  {
    fraga: 'hur ligger gruppbostäderna i september',
    avsikt: 'status',
    enhet: 'gruppbostad',
    period: '2025-09',
    innehall: [() => status('gruppbostad', '2025-09')],
  },
  { fraga: 'hur låg ifo förra månaden', idag: '2025-11-20', avsikt: 'status', enhet: 'ifo', period: O, innehall: [() => status('ifo', O)] },
  // trend
  {
    fraga: 'visa ifo månad för månad i år',
    avsikt: 'trend',
    enhet: 'ifo',
    period: N,
    innehall: [/januari 2025–november 2025/, /sämre/, () => `| januari 2025 | ${sv(avv('ifo', '2025-01'))}`],
  },
  {
    fraga: 'har det blivit bättre eller sämre för hemtjänsten sen sommaren?',
    avsikt: 'trend',
    enhet: 'hemtjanst',
    period: N,
    innehall: [/augusti 2025–november 2025/, () => procent('hemtjanst', '2025-08'), () => procent('hemtjanst', N)],
  },
  { fraga: 'ifo senaste 6 månaderna', avsikt: 'trend', enhet: 'ifo', period: N, innehall: [/juni 2025–november 2025/] },
  {
    fraga: 'trenden för socialnämnden',
    avsikt: 'trend',
    enhet: 'sn',
    period: N,
    innehall: [() => `| november 2025 | ${sv(avv('sn', N))}`],
  },
  { fraga: 'utvecklingen i äldreomsorgen över tid', avsikt: 'trend', enhet: 'ao', period: N, innehall: [/januari 2025–november 2025/] },
  { fraga: 'show IFO month by month', avsikt: 'trend', enhet: 'ifo', period: N, innehall: [/\| oktober 2025 \|/] },
  {
    fraga: 'visa kurvan för barn och unga',
    avsikt: 'trend',
    enhet: 'bou',
    period: N,
    innehall: [() => `| november 2025 | ${sv(avv('bou', N))}`],
  },
  { fraga: 'graf över LSS senaste tre månaderna', avsikt: 'trend', enhet: 'lss', period: N, innehall: [/september 2025–november 2025/] },
  {
    fraga: 'hur har vård och stöd utvecklats månad för månad 2024',
    avsikt: 'trend',
    enhet: 'vos',
    period: '2024-12',
    innehall: [/januari 2024–december 2024/],
  },
  { fraga: 'blivit bättre för säbo?', avsikt: 'trend', enhet: 'sabo', period: N, innehall: [/(bättre|sämre|oförändrat)/i] },
  // prognos
  { fraga: 'vad är helårsprognosen för socialnämnden?', avsikt: 'prognos', enhet: 'sn', period: N, innehall: [() => prognos('sn', N)] },
  {
    fraga: 'klarar IFO budgeten i år?',
    avsikt: 'prognos',
    enhet: 'ifo',
    period: N,
    innehall: [
      /^Helårsprognos 2025 för Individ- och familjeomsorg/,
      /Nej, enligt prognosen klarar Individ- och familjeomsorg inte budgeten 2025/,
      () => prognos('ifo', N),
    ],
  },
  {
    fraga: 'klarar korttidsboendet budgeten?',
    avsikt: 'prognos',
    enhet: 'korttid',
    period: N,
    innehall: [/Ja, enligt prognosen klarar Korttidsboende budgeten/],
  },
  {
    fraga: 'hur har prognosen för ifo ändrats efter oktober jämfört med efter augusti',
    avsikt: 'prognos',
    enhet: 'ifo',
    period: O,
    innehall: [() => prognos('ifo', O), () => `Efter augusti 2025 var prognosen ${tkr(vantadeSiffror('ifo', '2025-08').prognosHelar)}`],
  },
  { fraga: 'årsprognos vård och stöd', avsikt: 'prognos', enhet: 'vos', period: N, innehall: [() => prognos('vos', N)] },
  { fraga: 'var landar hemtjänsten?', avsikt: 'prognos', enhet: 'hemtjanst', period: N, innehall: [() => prognos('hemtjanst', N)] },
  {
    fraga: 'forecast for the social services committee socialnämnden',
    avsikt: 'prognos',
    enhet: 'sn',
    period: N,
    innehall: [() => prognos('sn', N)],
  },
  { fraga: 'prognsen för bildning', avsikt: 'prognos', enhet: 'bildning', period: N, innehall: [() => prognos('bildning', N)] },
  {
    fraga: 'helårsprognos ifo efter augusti',
    avsikt: 'prognos',
    enhet: 'ifo',
    period: '2025-08',
    innehall: [() => prognos('ifo', '2025-08')],
  },
  { fraga: 'hur ser prognosen ut för servicenämnden', avsikt: 'prognos', enhet: 'sen', period: N, innehall: [() => prognos('sen', N)] },
  // rankning
  {
    fraga: 'vilka verksamheter har störst underskott?',
    avsikt: 'rankning',
    enhet: null,
    period: N,
    innehall: [/^Verksamheter efter underskott, störst först/, /1\. Barn och unga/],
  },
  {
    fraga: 'topp 5 inom äldreomsorg',
    avsikt: 'rankning',
    enhet: 'ao',
    period: N,
    innehall: [/Topp 5: \w+ inom Äldreomsorg/, /1\. Hemtjänst/],
  },
  {
    fraga: 'vilka enheter går plus t.o.m. oktober?',
    avsikt: 'rankning',
    enhet: null,
    period: O,
    innehall: [/överskott/, /Plan\/Fastighet/],
  },
  {
    fraga: 'which units are more than 5 % over budget?',
    avsikt: 'rankning',
    enhet: null,
    period: N,
    innehall: [/mer än 5 % över budget/, /Barn och unga/, /Ekonomiskt bistånd/],
  },
  {
    fraga: 'rangordna nämnderna efter avvikelse',
    avsikt: 'rankning',
    enhet: null,
    period: N,
    innehall: [/Underskott:\s+1\. Socialnämnden: -17 795,6 tkr underskott/, /Överskott:\s+1\. Servicenämnden: \+7 798 tkr överskott/],
  },
  {
    fraga: 'vilka har störst underskott inom ifo',
    avsikt: 'rankning',
    enhet: 'ifo',
    period: N,
    innehall: [/1\. Barn och unga/, /2\. Ekonomiskt bistånd/],
  },
  { fraga: 'top 3 worst units', avsikt: 'rankning', enhet: null, period: N, innehall: [/Topp 3/, /1\. Barn och unga/] },
  {
    fraga: 'vilka verksamheter ligger mer än 10 procent över budget',
    avsikt: 'rankning',
    enhet: null,
    period: N,
    innehall: [/Barn och unga/, /Ekonomiskt bistånd/],
  },
  {
    fraga: 'vilka nämnder går med överskott',
    avsikt: 'rankning',
    enhet: null,
    period: N,
    innehall: [/Servicenämnden/, /Myndighetsnämnden/],
  },
  {
    fraga: 'vilka enheter inom vård och stöd har underskott',
    avsikt: 'rankning',
    enhet: 'vos',
    period: N,
    innehall: [/Hemtjänst/, /Gruppbostäder/],
  },
  {
    fraga: 'vilka enheter inom Hälso- och sjukvård går plus?',
    avsikt: 'rankning',
    enhet: 'hsl',
    period: N,
    innehall: [/Hälso- och sjukvård har inga underenheter att rangordna/, () => verdikt('hsl', N)],
  },
  // nedbrytning
  {
    fraga: 'var kommer underskottet i IFO ifrån?',
    avsikt: 'nedbrytning',
    enhet: 'ifo',
    period: N,
    innehall: [() => `Barn och unga: ${sv(avv('bou', N))} tkr`, /institutionsvård/],
  },
  {
    fraga: 'varför går socialnämnden back?',
    avsikt: 'nedbrytning',
    enhet: 'sn',
    period: N,
    innehall: [() => `Individ- och familjeomsorg: ${sv(avv('ifo', N))} tkr`],
  },
  {
    fraga: 'bryt ned avvikelsen för vård och stöd',
    avsikt: 'nedbrytning',
    enhet: 'vos',
    period: N,
    innehall: [() => `Äldreomsorg: ${sv(avv('ao', N))} tkr`],
  },
  { fraga: 'vad beror underskottet i äldreomsorgen på', avsikt: 'nedbrytning', enhet: 'ao', period: N, innehall: [/Hemtjänst/] },
  { fraga: 'breakdown of IFO', avsikt: 'nedbrytning', enhet: 'ifo', period: N, innehall: [/Barn och unga/] },
  { fraga: 'orsaken till avvikelsen i bildning', avsikt: 'nedbrytning', enhet: 'bildning', period: N, innehall: [/Grundskola F–9/] },
  {
    fraga: 'var kommer överskottet i servicenämnden ifrån',
    avsikt: 'nedbrytning',
    enhet: 'sen',
    period: N,
    innehall: [/Överskottet kommer från/, /Samhällsbyggnad/],
  },
  { fraga: 'varifrån kommer avvikelsen i lss t.o.m. oktober', avsikt: 'nedbrytning', enhet: 'lss', period: O, innehall: [/Gruppbostäder/] },
  {
    fraga: 'fördelning av underskottet i ifo i september',
    avsikt: 'nedbrytning',
    enhet: 'ifo',
    period: '2025-09',
    innehall: [() => `Barn och unga: ${sv(avv('bou', '2025-09'))} tkr`],
  },
  {
    fraga: 'varför har hemtjänsten underskott',
    avsikt: 'nedbrytning',
    enhet: 'hemtjanst',
    period: N,
    innehall: [() => status('hemtjanst', N).replace(/: \w+ [\d\s,]+ tkr$/, ''), /Kommentar: .*bemanningsekonomin/],
  },
  // jämförelse
  {
    fraga: 'jämför ifo och vård och stöd',
    avsikt: 'jamforelse',
    enhet: 'ifo',
    period: N,
    innehall: [
      () => `Individ- och familjeomsorg: Budget ${tkr(vantadeSiffror('ifo', N).budget)}`,
      () => `Vård och stöd: Budget ${tkr(vantadeSiffror('vos', N).budget)}`,
    ],
  },
  {
    fraga: 'hur ligger ifo jämfört med samma period i fjol',
    avsikt: 'jamforelse',
    enhet: 'ifo',
    period: N,
    innehall: [/jämfört med november 2024/, () => `Utfall ${tkr(vantadeSiffror('ifo', '2024-11').utfall)}`],
  },
  {
    fraga: 'jämför hemtjänsten med säbo',
    avsikt: 'jamforelse',
    enhet: 'hemtjanst',
    period: N,
    innehall: [/Hemtjänst och Särskilt boende/],
  },
  {
    fraga: 'compare IFO vs LSS',
    avsikt: 'jamforelse',
    enhet: 'ifo',
    period: N,
    innehall: [/Individ- och familjeomsorg och Funktionsstöd/],
  },
  {
    fraga: 'socialnämnden mot bildningsnämnden t.o.m. oktober',
    avsikt: 'jamforelse',
    enhet: 'sn',
    period: O,
    innehall: [() => `Budget ${tkr(vantadeSiffror('bn', O).budget)}`],
  },
  { fraga: 'jämför äldreomsorgen med i fjol', avsikt: 'jamforelse', enhet: 'ao', period: N, innehall: [/november 2024/] },
  {
    fraga: 'jmf servicenämnden och myndighetsnämnden',
    avsikt: 'jamforelse',
    enhet: 'sen',
    period: N,
    innehall: [/Servicenämnden och Myndighetsnämnden/],
  },
  {
    fraga: 'försörjningsstöd jämfört med samma månad förra året',
    avsikt: 'jamforelse',
    enhet: 'ekbistand',
    period: N,
    innehall: [/november 2024/],
  },
  { fraga: 'grundskolan vs förskolan', avsikt: 'jamforelse', enhet: 'grundskola', period: N, innehall: [/Grundskola F–9 och Förskola/] },
  {
    fraga: 'jämför barn och unga med samma period i fjol t.o.m. oktober',
    avsikt: 'jamforelse',
    enhet: 'bou',
    period: O,
    innehall: [/oktober 2024/],
  },
  // åtgärder
  {
    fraga: 'visa åtgärdsplanen för vård och stöd',
    avsikt: 'atgarder',
    enhet: 'vos',
    innehall: [() => atgard('vos', 4), /totalt 13 549 tkr/, /angivna summa \(13 149 tkr\) stämmer inte/, /Sparbeting 12 357 tkr/],
  },
  { fraga: 'hur går åtgärd 5?', avsikt: 'atgarder', enhet: 'vos', innehall: [() => atgard('vos', 5), /Ansvarig:/, /Planerad besparing/] },
  { fraga: 'medicinrobotarna', avsikt: 'atgarder', enhet: 'vos', innehall: [() => atgard('vos', 4), /Status: pågår/] },
  { fraga: 'vilka åtgärder är försenade?', avsikt: 'atgarder', enhet: null, innehall: [forsenade] },
  { fraga: 'vilka kräver politiskt beslut?', avsikt: 'atgarder', enhet: null, innehall: [kategoriB] },
  { fraga: 'åtgärder ifo', avsikt: 'atgarder', enhet: 'ifo', innehall: [() => atgard('ifo', 1), () => atgard('ifo', 2)] },
  {
    fraga: 'visa sparplanen för socialnämnden',
    avsikt: 'atgarder',
    enhet: 'sn',
    innehall: [() => atgard('vos', 1), () => atgard('ifo', 1)],
  },
  { fraga: 'atgard 2 ifo', avsikt: 'atgarder', enhet: 'ifo', innehall: [() => `Åtgärd 2: ${atgard('ifo', 2)}`] },
  {
    fraga: 'vilka åtgärder är genomförda i vård och stöd',
    avsikt: 'atgarder',
    enhet: 'vos',
    innehall: [/status genomförd/, () => atgard('vos', 2)],
  },
  { fraga: 'besparingar vård och stöd', avsikt: 'atgarder', enhet: 'vos', innehall: [/planerad besparing 2024: 7 169 tkr/] },
  { fraga: 'measures for IFO', avsikt: 'atgarder', enhet: 'ifo', innehall: [() => atgard('ifo', 3)] },
  // nyckeltal
  {
    fraga: 'vad är sjukfrånvaron i ifo?',
    avsikt: 'nyckeltal',
    enhet: 'ifo',
    period: O,
    innehall: [() => `Sjukfrånvaro Individ- och familjeomsorg, oktober 2025: ${kpi('ifo', O, 'sjukfrånvaro')}`, /Målet är 7 %/],
  },
  {
    fraga: 'korttidsfrånvaro vård och stöd oktober',
    avsikt: 'nyckeltal',
    enhet: 'vos',
    period: O,
    innehall: [() => kpi('vos', O, 'korttidsfrånvaro')],
  },
  { fraga: 'sjuktal IFO', avsikt: 'nyckeltal', enhet: 'ifo', period: O, innehall: [() => kpi('ifo', O, 'sjukfrånvaro')] },
  {
    fraga: 'sjukfranvaro vard och stod i september',
    avsikt: 'nyckeltal',
    enhet: 'vos',
    period: '2025-09',
    innehall: [() => kpi('vos', '2025-09', 'sjukfrånvaro')],
  },
  { fraga: 'kort sjukfrånvaro ifo', avsikt: 'nyckeltal', enhet: 'ifo', period: O, innehall: [() => kpi('ifo', O, 'korttidsfrånvaro')] },
  { fraga: 'sick leave in IFO', avsikt: 'nyckeltal', enhet: 'ifo', period: O, innehall: [() => kpi('ifo', O, 'sjukfrånvaro')] },
  {
    fraga: 'hur hög är sjukfrånvaron i hemtjänsten',
    avsikt: 'nyckeltal',
    enhet: 'hemtjanst',
    period: O,
    innehall: [/siffran gäller Vård och stöd/, () => kpi('vos', O, 'sjukfrånvaro')],
  },
  {
    fraga: 'personalomsättning socialnämnden',
    avsikt: 'nyckeltal',
    enhet: 'sn',
    innehall: [/Personalomsättning Socialnämnden, 2024: 15 %/, /Målet är 12 %/],
  },
  {
    fraga: 'sjukfrånvaro ifo jämfört med i fjol',
    avsikt: 'nyckeltal',
    enhet: 'ifo',
    period: O,
    innehall: [() => `från ${kpi('ifo', '2024-10', 'sjukfrånvaro')} till ${kpi('ifo', O, 'sjukfrånvaro')}`, /sedan oktober 2024/],
  },
  {
    fraga: 'korttidsfrånvaron i vård och stöd förra året i oktober',
    avsikt: 'nyckeltal',
    enhet: 'vos',
    period: '2024-10',
    innehall: [() => kpi('vos', '2024-10', 'korttidsfrånvaro')],
  },
  // hjälp och färskhet
  { fraga: 'hjälp', avsikt: 'hjalp', innehall: [/Prova till exempel/, /november 2025/] },
  { fraga: 'vad kan du?', avsikt: 'hjalp', innehall: [/hur ligger/] },
  { fraga: 'help', avsikt: 'hjalp', innehall: [/Prova till exempel/] },
  { fraga: 'Hej', avsikt: 'hjalp', innehall: [/budget/] },
  {
    fraga: 'hur färska är siffrorna?',
    avsikt: 'farskhet',
    innehall: [/Socialnämnden: t\.o\.m\. november 2025/, /Myndighetsnämnden: t\.o\.m\. november 2025/],
  },
  { fraga: 'när uppdaterades siffrorna senast', avsikt: 'farskhet', innehall: [/Servicenämnden: t\.o\.m\. november 2025/] },
  { fraga: 'är siffrorna aktuella?', avsikt: 'farskhet', innehall: [/Bildningsnämnden/] },
  { fraga: 'vem rapporterade senast', avsikt: 'farskhet', innehall: [/senast importerat/] },
  { fraga: 'how fresh are the figures', avsikt: 'farskhet', innehall: [/t\.o\.m\. november 2025/] },
  { fraga: 'exempel på frågor', avsikt: 'hjalp', innehall: [/Prova till exempel/] },
  // följdfrågor
  {
    fraga: 'och i september?',
    kontext: { enhet: 'ifo', period: N, avsikt: 'status' },
    avsikt: 'okand',
    enhet: 'ifo',
    period: '2025-09',
    innehall: [() => status('ifo', '2025-09')],
  },
  {
    fraga: 'visa åtgärderna',
    kontext: { enhet: 'ifo', period: N, avsikt: 'status' },
    avsikt: 'atgarder',
    enhet: 'ifo',
    innehall: [() => atgard('ifo', 1)],
  },
  {
    fraga: 'och prognosen?',
    kontext: { enhet: 'vos', period: N, avsikt: 'status' },
    avsikt: 'prognos',
    enhet: 'vos',
    period: N,
    innehall: [() => prognos('vos', N)],
  },
  {
    fraga: 'och hemtjänsten?',
    kontext: { enhet: 'ifo', period: N, avsikt: 'trend' },
    avsikt: 'status',
    enhet: 'hemtjanst',
    period: N,
    innehall: [/Hemtjänst, januari 2025–november 2025/],
  },
  {
    fraga: 'visa trend',
    kontext: { enhet: 'sabo', period: N, avsikt: 'status' },
    avsikt: 'trend',
    enhet: 'sabo',
    period: N,
    innehall: [/Särskilt boende, januari 2025/],
  },
  {
    fraga: 'bryt ned',
    kontext: { enhet: 'sn', period: N, avsikt: 'status' },
    avsikt: 'nedbrytning',
    enhet: 'sn',
    period: N,
    innehall: [/Individ- och familjeomsorg/],
  },
  {
    fraga: 'och t.o.m. augusti?',
    kontext: { enhet: 'sn', period: N, avsikt: 'prognos' },
    avsikt: 'okand',
    enhet: 'sn',
    period: '2025-08',
    innehall: [() => prognos('sn', '2025-08')],
  },
  {
    fraga: 'sjukfrånvaron då?',
    kontext: { enhet: 'ifo', period: N, avsikt: 'status' },
    avsikt: 'nyckeltal',
    enhet: 'ifo',
    innehall: [() => kpi('ifo', O, 'sjukfrånvaro')],
  },
  {
    fraga: 'hur ligger den mot budget',
    kontext: { enhet: 'lss', period: N, avsikt: 'atgarder' },
    avsikt: 'status',
    enhet: 'lss',
    period: N,
    innehall: [() => status('lss', N)],
  },
  {
    fraga: 'och i fjol samma månad?',
    kontext: { enhet: 'ifo', period: N, avsikt: 'status' },
    avsikt: 'jamforelse',
    enhet: 'ifo',
    period: N,
    innehall: [/november 2024/],
  },
  // okänt, tvetydigt och det boten inte kan
  { fraga: 'hur ligger simhallen mot budget?', avsikt: 'status', innehall: [/Simhallen finns inte i uppföljningen/] },
  { fraga: 'vad blir vädret i morgon', avsikt: 'okand', innehall: [/Det svarar jag inte på/, /Prova till exempel/] },
  { fraga: 'hur ligger hemtjänstgruppen norr', avsikt: 'status', enhet: 'hemtjanst', period: N, innehall: [() => status('hemtjanst', N)] },
  { fraga: 'asdfghjkl', avsikt: 'okand', innehall: [/svarar jag inte på|finns inte i uppföljningen/] },
  { fraga: 'vad tycker du om politikerna', avsikt: 'okand', innehall: [/svarar jag inte på|finns inte i uppföljningen/] },
  {
    fraga: 'hur ligger IFO t.o.m. december 2025?',
    idag: '2026-01-15',
    avsikt: 'status',
    enhet: 'ifo',
    innehall: [/inga siffror för Individ- och familjeomsorg t\.o\.m\. december 2025 ännu/, /november 2025/],
  },
  {
    fraga: 'ifo i mars 2023',
    avsikt: 'status',
    enhet: 'ifo',
    innehall: [/inga siffror för Individ- och familjeomsorg t\.o\.m\. mars 2023/],
  },
  { fraga: 'kulturskolon mot budget', avsikt: 'status', enhet: 'kulturskola', period: N, innehall: [() => status('kulturskola', N)] },
  { fraga: 'HUR LIGGER IFO', avsikt: 'status', enhet: 'ifo', period: N, innehall: [() => status('ifo', N)] },
  { fraga: '   hur   ligger    ifo   ', avsikt: 'status', enhet: 'ifo', period: N, innehall: [() => status('ifo', N)] },
];
