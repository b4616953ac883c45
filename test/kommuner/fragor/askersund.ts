import { join } from 'node:path';
import { Kommundata } from '../data.js';
import { type Fraga, type Kommun, type Matchning, NOLL_TKR, ORD, kpi, mnkr, procent, rad, status, tal, tkr } from '../forvantan.js';

/**
 * Askersunds kommun, Socialnämnden: annual figures only (bokslut 2024, one total for 2023), seed 004.
 * Asked the way the förvaltning's own managers would: verksamhet numbers, the report's own names, its KPIs.
 */
const K = new Kommundata(join(process.cwd(), 'test', 'kommuner', 'askersund'));
const P = '2024-12';
const CONTROLLER = '5f0c2a1e-8b3d-4c61-9a7e-2d4b6f8e1a01';
const CHEF_51 = '5f0c2a1e-8b3d-4c61-9a7e-2d4b6f8e1a02';
const CHEF_HT = '5f0c2a1e-8b3d-4c61-9a7e-2d4b6f8e1a04';

/** The year, never the month: an annual report speaks of 2024, not of December 2024. */
const AR: Matchning[] = [/2024/];
const INTE_MANAD: Matchning[] = [/december 2024/i, /t\.o\.m\. december/i];
const st = (id: string): Matchning[] => [...status(K, id, P), ...AR];
const s = (fraga: string, id: string, extra: Partial<Fraga> = {}): Fraga => ({
  fraga,
  avsikt: 'status',
  maste: st(id),
  inte: INTE_MANAD,
  ...extra,
});
const v = (enhet: string, namn: string, period = P) => kpi(K.kpi(enhet, period, namn).varde);
const nk = (fraga: string, enhet: string, namn: string, extra: Matchning[] = [], period = P): Fraga => ({
  fraga,
  avsikt: 'nyckeltal',
  maste: [new RegExp(namn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, 12), 'i'), v(enhet, namn, period), ...extra],
});
const atg = (enhet: string, nr: number) => K.atgard(enhet, nr).namn;
const over = (id: string) => K.delar(id, P).filter((d) => d.avvikelse < 0);
const plus = (id: string) => K.delar(id, P).filter((d) => d.avvikelse > 0);
const okand = (fraga: string, namn: string, avsikt: Fraga['avsikt'] = 'okand-enhet'): Fraga => ({
  fraga,
  avsikt,
  maste: [namn, ORD.finnsInte],
  inte: [ORD.ingenEnhet, /tkr/],
});
const utanfor = (fraga: string): Fraga => ({
  fraga,
  avsikt: 'utanfor',
  maste: [ORD.vagrar, ORD.exempel],
  inte: [/tkr/, /Medicinrobotar/, /åtgärd \d/i],
});
const sn = K.krav('sn', P);
const sn23 = K.krav('sn', '2023-12');
const avvSn = K.avvikelse('sn', P);
const avvSn23 = K.avvikelse('sn', '2023-12');
const plan2024 = K.atgarder.filter((a) => a.enhet === 'v51').reduce((summa, a) => summa + (a.plan['2024'] ?? 0), 0);

const FRAGOR: Fraga[] = [
  // status: the nämnd, its verksamheter by name and number, and the parts of 51
  s('hur gick socialnämnden 2024?', 'sn', { maste: [...st('sn'), procent(sn.utfall, sn.budget)] }),
  s('hur gick det för socialförvaltningen förra året?', 'sn'),
  s('hur ligger vi mot budget?', 'sn'),
  s('socialnamnden 2024', 'sn'),
  s('hur gick verksamhet 51?', 'v51'),
  s('äldreomsorg/lss 2024', 'v51'),
  s('Hur gick Äldreomsorg/LSS i bokslutet?', 'v51'),
  s('hur gick hemtjänsten 2024?', 'hemtjanst'),
  s('hemtjänstn mot budget', 'hemtjanst'),
  s('hur gick hemtjänsten inklusive nattpatrullen?', 'hemtjanst'),
  s('hur gick särskilt boende?', 'sabo'),
  s('säbo bokslut 2024', 'sabo'),
  s('sarskilt boende', 'sabo'),
  s('hur gick sjuksköterskeverksamheten?', 'ssk'),
  s('SSK mot budget', 'ssk'),
  s('korttidsboendet 2024', 'korttidsboende', { inte: [...INTE_MANAD, /Korttidsvistelse/] }),
  s('hur gick korttidsvistelsen?', 'korttidsvistelse', { inte: [...INTE_MANAD, /Korttidsboende/] }),
  s('trygghetslarmen mot budget', 'trygghetslarm'),
  s('hur gick socialpsykiatrin?', 'socialpsykiatri'),
  s('gruppbostäderna 2024', 'lssvuxna'),
  s('hur gick LSS-boendet för vuxna?', 'lssvuxna', { inte: [...INTE_MANAD, /för barn och unga/i] }),
  {
    fraga: 'boende enligt LSS för barn och unga 2024',
    avsikt: 'status',
    maste: [K.namn('lssbarn'), tkr(2388), /underskott/i, ...AR],
    inte: [...INTE_MANAD, /för vuxna/i, /% av budget/i],
  },
  s('personlig assistans 2024', 'persass'),
  s('personlig asistans', 'persass'),
  s('daglig verksamhet mot budget', 'daglig'),
  s('barn- och ungdomsvården 2024', 'v56'),
  s('BARN- OCH UNGDOMSVÅRD', 'v56'),
  s('hur gick placeringarna för barn 2024?', 'v56'),
  s('försörjningsstödet 2024', 'v57'),
  s('ekonomiskt bistånd i fjol', 'v57'),
  s('missbruksvården för vuxna', 'v55'),
  s('verksamhet 55', 'v55'),
  { fraga: 'flyktingmottagandet 2024', avsikt: 'status', maste: [K.namn('v60'), tkr(48), ...AR], inte: INTE_MANAD },
  s('gemensamma verksamheter', 'v92'),
  s('politisk verksamhet 2024', 'v10'),
  {
    fraga: 'hur gick delverksamheten Äldreomsorg inom 51, den med planeringsreserven?',
    avsikt: 'status',
    maste: ['Äldreomsorg', tkr(3), tkr(-757), /planeringsreserv/i],
    inte: [...INTE_MANAD, /-?0,4 ?%/, /% av budget/i],
  },
  s('bostadsanpassningen', 'bostadsanpassning'),
  s('Inkontinens, rehab, omvårdnad 2024', 'rehab'),
  s('rehab och inkontinens', 'rehab'),
  s('dagverksamheten', 'dagverksamhet'),
  s('ledsagare och kontaktpersoner', 'ledsagare'),
  s('gick socialnämnden över budget 2024?', 'sn', { maste: [ORD.ja, ...st('sn')] }),
  s('höll personlig assistans budget?', 'persass', { maste: [ORD.ja, ...st('persass')] }),
  s('gick hemtjänsten med överskott?', 'hemtjanst', { maste: [ORD.nej, ...st('hemtjanst')] }),
  {
    fraga: 'hur gick socialnämnden 2023?',
    avsikt: 'status',
    maste: ['Socialnämnden', tkr(sn23.utfall), tkr(sn23.budget), tkr(avvSn23), /2023/],
    inte: [/december 2023/i],
  },
  { fraga: 'hur gick hemtjänsten 2023?', avsikt: 'status', maste: [/2023/, ORD.saknas], inte: [/december 2023/i] },

  // the year closed: the outcome, not a forecast
  { fraga: 'vad är helårsprognosen för socialnämnden?', avsikt: 'prognos', maste: [tkr(sn.utfall), ...AR], inte: INTE_MANAD },
  { fraga: 'klarade äldreomsorg/lss budgeten 2024?', avsikt: 'prognos', maste: [ORD.nej, tkr(6215), ...AR], inte: INTE_MANAD },
  { fraga: 'landade barn- och ungdomsvården inom budget?', avsikt: 'prognos', maste: [ORD.nej, tkr(4644)], inte: INTE_MANAD },
  { fraga: 'klarade socialpsykiatrin budgeten?', avsikt: 'prognos', maste: [ORD.ja, tkr(1222)], inte: INTE_MANAD },

  // ranking: the nämnd's own verksamheter, all that qualify, side by side
  {
    fraga: 'vilka verksamheter gick över budget 2024?',
    avsikt: 'rankning',
    maste: over('sn').map((d) => d.namn),
    inte: [/\d+ till\b/],
  },
  {
    fraga: 'vilka verksamheter gick med överskott?',
    avsikt: 'rankning',
    maste: plus('sn').map((d) => d.namn),
  },
  {
    fraga: 'vilka delar av äldreomsorg/lss gick med överskott?',
    avsikt: 'rankning',
    maste: plus('v51').map((d) => d.namn),
    inte: [/\d+ till\b/],
  },
  {
    fraga: 'vilka delar av verksamhet 51 gick över budget?',
    avsikt: 'rankning',
    maste: over('v51').map((d) => d.namn),
    inte: [/\d+ till\b/],
  },
  { fraga: 'visa alla verksamheter', avsikt: 'rankning', maste: K.delar('sn', P).map((d) => d.namn) },
  { fraga: 'jämför verksamheterna', avsikt: 'rankning', maste: K.delar('sn', P).flatMap((d) => rad(K, d.id, P)) },
  { fraga: 'rangordna verksamheterna efter avvikelse', avsikt: 'rankning', maste: K.delar('sn', P).map((d) => d.namn) },
  { fraga: 'vilken verksamhet hade störst underskott 2024?', avsikt: 'rankning', maste: rad(K, 'v51', P) },
  {
    fraga: 'topp 3 underskott inom 51',
    avsikt: 'rankning',
    maste: over('v51')
      .slice(0, 3)
      .flatMap((d) => [d.namn, tal(d.avvikelse)]),
  },
  { fraga: 'vilka enheter inom äldreomsorg/lss hade störst underskott?', avsikt: 'rankning', maste: rad(K, 'sabo', P) },
  { fraga: 'visa alla nämnder', avsikt: 'rankning', maste: ['Socialnämnden', tal(avvSn)] },
  { fraga: 'hur ligger nämnderna?', avsikt: 'rankning', maste: ['Socialnämnden', tal(avvSn)] },
  { fraga: 'jämför nämnderna', avsikt: 'rankning', maste: ['Socialnämnden', tal(avvSn)] },
  { fraga: 'which units went over budget?', avsikt: 'engelska', maste: over('sn').map((d) => d.namn) },

  // breakdown
  {
    fraga: 'vad består underskottet av?',
    avsikt: 'nedbrytning',
    maste: over('sn')
      .slice(0, 3)
      .flatMap((d) => [d.namn, tal(d.avvikelse)]),
  },
  {
    fraga: 'vad består underskottet i socialnämnden av?',
    avsikt: 'nedbrytning',
    maste: over('sn')
      .slice(0, 3)
      .flatMap((d) => [d.namn, tal(d.avvikelse)]),
  },
  {
    fraga: 'bryt ned avvikelsen för verksamhet 51',
    avsikt: 'nedbrytning',
    maste: over('v51')
      .slice(0, 3)
      .flatMap((d) => [d.namn, tal(d.avvikelse)]),
  },
  {
    fraga: 'var kommer underskottet i äldreomsorg/lss ifrån?',
    avsikt: 'nedbrytning',
    maste: over('v51')
      .slice(0, 3)
      .flatMap((d) => [d.namn, tal(d.avvikelse)]),
  },
  { fraga: 'vilka delar av socialnämnden drog över budget?', avsikt: 'nedbrytning', maste: over('sn').map((d) => d.namn) },
  { fraga: 'breakdown of the deficit in Socialnämnden', avsikt: 'engelska', maste: [...rad(K, 'v51', P), ...rad(K, 'v56', P)] },
  { fraga: 'vad beror underskottet i barn- och ungdomsvården på?', avsikt: 'varfor', maste: [/HVB/, /familjehem/i, tkr(4644)] },

  // why: the figures and the report's own comment, nothing unrelated
  { fraga: 'varför gick barn- och ungdomsvården över budget?', avsikt: 'varfor', maste: [/HVB/, tkr(4644)], inte: [/Särskilt boende/] },
  { fraga: 'varför har hemtjänsten underskott?', avsikt: 'varfor', maste: [/natten/i, tkr(663)], inte: [/Särskilt boende/] },
  { fraga: 'varför gick särskilt boende back?', avsikt: 'varfor', maste: [/personalbudget/i, tkr(2389)] },
  { fraga: 'varför överskott i personlig assistans?', avsikt: 'varfor', maste: [/Försäkringskassan/i, tkr(1442)] },
  { fraga: 'varför gick socialpsykiatrin plus?', avsikt: 'varfor', maste: [/omställningsarbete/i, tkr(1222)] },
  { fraga: 'varför blev det underskott på boende enligt LSS för barn och unga?', avsikt: 'varfor', maste: [/två placeringar/i, tkr(2388)] },
  { fraga: 'varför så dyrt i sjuksköterskeverksamheten?', avsikt: 'varfor', maste: [/konsultsköterskor/i] },
  { fraga: 'varför gick ekonomiskt bistånd över?', avsikt: 'varfor', maste: [/hyror/i, tkr(2209)] },
  { fraga: 'vad beror trygghetslarmens underskott på?', avsikt: 'varfor', maste: [/antal och pris/i, tkr(129)] },
  { fraga: 'varför gick socialnämnden back 2024?', avsikt: 'varfor', maste: [tkr(avvSn), ...rad(K, 'v51', P)] },
  { fraga: 'varför dyrare korttidsboende?', avsikt: 'varfor', maste: [/vikariekostnader/i, tkr(254)] },

  // comparison: between units, with the year before, and what is missing said plainly
  { fraga: 'jämför hemtjänsten och särskilt boende', avsikt: 'jamforelse', maste: [...rad(K, 'hemtjanst', P), ...rad(K, 'sabo', P)] },
  { fraga: 'jämför barn- och ungdomsvård med ekonomiskt bistånd', avsikt: 'jamforelse', maste: [...rad(K, 'v56', P), ...rad(K, 'v57', P)] },
  {
    fraga: 'gick socialnämnden bättre 2024 än året innan?',
    avsikt: 'jamforelse',
    maste: [ORD.ja, tal(avvSn), tal(avvSn23), /2023/],
  },
  { fraga: 'har socialnämnden blivit bättre sedan 2023?', avsikt: 'jamforelse', maste: [ORD.ja, tal(avvSn), tal(avvSn23)] },
  { fraga: 'jämför socialnämnden med 2023', avsikt: 'jamforelse', maste: [tkr(sn.utfall), tkr(sn23.utfall)] },
  { fraga: 'gick hemtjänsten bättre än året innan?', avsikt: 'jamforelse', maste: [/2023/, ORD.saknas, tal(663)] },
  { fraga: 'har personlig assistans blivit bättre sedan 2022?', avsikt: 'jamforelse', maste: [/2022/, ORD.saknas] },
  {
    fraga: 'LSS-boende för barn mot LSS-boende för vuxna',
    avsikt: 'jamforelse',
    maste: [...rad(K, 'lssbarn', P), ...rad(K, 'lssvuxna', P)],
  },
  {
    fraga: 'jämför korttidsboendet och korttidsvistelsen',
    avsikt: 'jamforelse',
    maste: [...rad(K, 'korttidsboende', P), ...rad(K, 'korttidsvistelse', P)],
  },
  { fraga: 'jämför verksamhet 56 och verksamhet 57', avsikt: 'jamforelse', maste: [...rad(K, 'v56', P), ...rad(K, 'v57', P)] },
  { fraga: 'compare Särskilt boende and Hemtjänst', avsikt: 'engelska', maste: [...rad(K, 'sabo', P), ...rad(K, 'hemtjanst', P)] },
  {
    fraga: 'socialpsykiatrin jämfört med daglig verksamhet',
    avsikt: 'jamforelse',
    maste: [...rad(K, 'socialpsykiatri', P), ...rad(K, 'daglig', P)],
  },

  // KPIs by the report's own names, parts, inflections, typos, English
  nk('vad var sjukfrånvaron 2024?', 'sn', 'Sjukfrånvaro', [tal(7)]),
  nk('sjukfrånvaro socialnämnden', 'sn', 'Sjukfrånvaro'),
  nk('sjukfranvaron', 'sn', 'Sjukfrånvaro'),
  { ...nk('sjukfrånvaron mot målet', 'sn', 'Sjukfrånvaro', [tal(7)]), avsikt: 'vanliga-ord', inte: [ORD.ingenEnhet, /malet/i] },
  {
    fraga: 'har sjukfrånvaron minskat sedan förra året?',
    avsikt: 'nyckeltal',
    maste: [ORD.ja, v('sn', 'Sjukfrånvaro'), v('sn', 'Sjukfrånvaro', '2023-12')],
  },
  { ...nk('sick leave 2024', 'sn', 'Sjukfrånvaro'), avsikt: 'engelska', maste: [v('sn', 'Sjukfrånvaro')] },
  nk('korttidssjukfrånvaron', 'sn', 'Korttidssjukfrånvaro'),
  { fraga: 'korttidsfrånvaron 2024', avsikt: 'nyckeltal', maste: [v('sn', 'Korttidssjukfrånvaro')] },
  nk('långtidssjukfrånvaron', 'sn', 'Långtidssjukfrånvaro'),
  { fraga: 'långtidsjukfrånvaro', avsikt: 'nyckeltal', maste: [v('sn', 'Långtidssjukfrånvaro')] },
  { fraga: 'hur stor är den långa sjukfrånvaron?', avsikt: 'nyckeltal', maste: [v('sn', 'Långtidssjukfrånvaro')] },
  nk('personalomsättningen 2024', 'sn', 'Personalomsättning', [tal(12)]),
  {
    fraga: 'har personalomsättningen ökat sedan förra året?',
    avsikt: 'nyckeltal',
    maste: [ORD.nej, v('sn', 'Personalomsättning'), v('sn', 'Personalomsättning', '2023-12')],
  },
  { fraga: 'staff turnover', avsikt: 'engelska', maste: [v('sn', 'Personalomsättning')] },
  nk('personalomsattning', 'sn', 'Personalomsättning'),
  { fraga: 'hur var HME?', avsikt: 'nyckeltal', maste: [/HME/, v('sn', 'HME, index'), tal(75)] },
  { fraga: 'HME-index jämfört med 2023', avsikt: 'nyckeltal', maste: [v('sn', 'HME, index'), v('sn', 'HME, index', '2023-12')] },
  { fraga: 'hållbart medarbetarengagemang HME', avsikt: 'nyckeltal', maste: [v('sn', 'HME, index')] },
  nk('brukartiden i hemtjänsten', 'hemtjanst', 'Direkt och indirekt brukartid', [tal(65)]),
  nk('direkt och indirekt brukartid', 'hemtjanst', 'Direkt och indirekt brukartid'),
  nk('egenkontrollerna', 'sn', 'Egenkontroller utförs enligt rutin'),
  {
    fraga: 'har egenkontrollerna blivit bättre sedan 2023?',
    avsikt: 'nyckeltal',
    maste: [ORD.ja, v('sn', 'Egenkontroller utförs enligt rutin'), v('sn', 'Egenkontroller utförs enligt rutin', '2023-12')],
  },
  {
    fraga: 'hur nöjda är de boende på särskilt boende med sitt boende?',
    avsikt: 'nyckeltal',
    maste: [v('sabo', 'Andel personer på särskilt boende som är ganska/mycket nöjda med sitt boende'), tal(85)],
  },
  {
    fraga: 'hur nöjda är brukarna med hemtjänsten?',
    avsikt: 'nyckeltal',
    maste: [v('hemtjanst', 'Andel personer med hemtjänst som är ganska/mycket nöjda med hemtjänsten')],
  },
  {
    fraga: 'trivs brukarna på sin dagliga verksamhet?',
    avsikt: 'nyckeltal',
    maste: [v('daglig', 'Andel brukare som trivs på sin dagliga verksamhet utifrån LSS')],
  },
  {
    fraga: 'får brukarna inom daglig verksamhet bestämma om saker som är viktiga?',
    avsikt: 'nyckeltal',
    maste: [v('daglig', 'Andel brukare inom daglig verksamhet LSS som får bestämma om saker som är viktiga')],
  },
  {
    fraga: 'känner sig brukarna trygga med personalen i gruppbostad?',
    avsikt: 'nyckeltal',
    maste: [v('lssvuxna', 'Andel brukare som känner sig trygg med personalen hemma - gruppbostad')],
  },
  nk('trygg hemgång', 'sn', 'Antal verkställda beslut om trygg hemgång'),
  {
    fraga: 'hur många beslut om trygg hemgång verkställdes 2023?',
    avsikt: 'nyckeltal',
    maste: [v('sn', 'Antal verkställda beslut om trygg hemgång', '2023-12')],
  },
  nk('genomförandeplaner', 'sn', 'Andel individer med aktuell genomförandeplan', [tal(100)]),
  nk('andel familjehem i egen regi', 'v56', 'Andel familjehem i egen regi'),
  {
    fraga: 'familjehemmen i egen regi sedan 2023',
    avsikt: 'nyckeltal',
    maste: [v('v56', 'Andel familjehem i egen regi'), v('v56', 'Andel familjehem i egen regi', '2023-12')],
  },
  {
    fraga: 'unga under 25 med försörjningsstöd längre än 3 månader',
    avsikt: 'nyckeltal',
    maste: [v('v57', 'Antal individer som är under 25 år och som erhållit försörjningsstöd längre än 3 månader'), tal(10)],
  },
  nk('tillsynskamera', 'sn', 'Antal individer med tillsyn via tillsynskamera'),
  nk('förenklad biståndsbedömning', 'sn', 'Antal beslut om förenklad biståndsbedömning'),
  { ...nk('antal med hemtjänst', 'hemtjanst', 'Antal med hemtjänst'), inte: [/456 ?%/] },
  {
    fraga: 'har antalet med hemtjänst ökat sedan 2022?',
    avsikt: 'nyckeltal',
    maste: [ORD.ja, v('hemtjanst', 'Antal med hemtjänst'), v('hemtjanst', 'Antal med hemtjänst', '2022-12')],
  },
  {
    fraga: 'beviljade timmar i hemtjänsten',
    avsikt: 'nyckeltal',
    maste: [v('hemtjanst', 'Beviljade timmar hemtjänst')],
    inte: [/95 077 ?%/],
  },
  { fraga: 'hur många bor på särskilt boende?', avsikt: 'nyckeltal', maste: [v('sabo', 'Antal i särskilt boende')] },
  { fraga: 'placeringsdygnen på institution', avsikt: 'nyckeltal', maste: [v('sn', 'Inst. placeringar dygn')] },
  { fraga: 'inst. placeringar dygn 2022', avsikt: 'nyckeltal', maste: [v('sn', 'Inst. placeringar dygn', '2022-12')] },
  { fraga: 'familjehemsdygn', avsikt: 'nyckeltal', maste: [v('sn', 'Familjehem dygn')] },
  {
    fraga: 'har familjehemsdygnen minskat sedan 2022?',
    avsikt: 'nyckeltal',
    maste: [ORD.ja, v('sn', 'Familjehem dygn'), v('sn', 'Familjehem dygn', '2022-12')],
  },
  nk('antal hushåll med ekonomiskt bistånd', 'v57', 'Antal hushåll ekonomiskt bistånd'),
  {
    fraga: 'hushåll 18-25 år med ekonomiskt bistånd',
    avsikt: 'nyckeltal',
    maste: [v('v57', 'Antal hushåll 18 - 25 år med ekonomiskt bistånd mer än 3 mån')],
  },
  nk('antal i gruppboende och servicebostad', 'lssvuxna', 'Antal i gruppboende och servicebostad'),
  { fraga: 'antal med personlig assistans', avsikt: 'nyckeltal', maste: [v('persass', 'Antal med pers. Ass.')] },
  {
    fraga: 'staff turnover compared with last year',
    avsikt: 'engelska',
    maste: [v('sn', 'Personalomsättning'), v('sn', 'Personalomsättning', '2023-12')],
  },
  { fraga: 'sjukfrånvaron i hemtjänsten', avsikt: 'nyckeltal', maste: [v('sn', 'Sjukfrånvaro'), 'Socialnämnden'] },

  // measures: the list, one measure by its own words, with a unit word
  {
    fraga: 'vilka åtgärder har vi gjort?',
    avsikt: 'atgarder',
    maste: [atg('sn', 1), atg('sn', 7), atg('sn', 8)],
  },
  { fraga: 'visa åtgärderna för socialnämnden', avsikt: 'atgarder', maste: [atg('sn', 2), atg('sn', 3), atg('sn', 6)] },
  { fraga: 'vidtagna åtgärder för att hålla driftbudgeten', avsikt: 'atgarder', maste: [atg('sn', 1), atg('sn', 5)] },
  { fraga: 'hur går vårdtyngdsmätningen?', avsikt: 'atgarder', maste: [atg('sn', 8), /genomförd/i], inte: [atg('sn', 1)] },
  { fraga: 'hur går åtgärden med kostnad per brukare?', avsikt: 'atgarder', maste: [/kostnad per brukare/i, /ensolution/i] },
  {
    fraga: 'visa åtgärdsplanen för äldreomsorg/lss',
    avsikt: 'atgarder',
    maste: [atg('v51', 1), atg('v51', 2), atg('v51', 4), tal(12357), tal(13149)],
  },
  {
    fraga: 'hur mycket ska medicinrobotarna i hemtjänsten spara 2025?',
    avsikt: 'atgarder',
    maste: [atg('v51', 4), tkr(440), /2025/],
    inte: [ORD.ingenEnhet],
  },
  {
    fraga: 'hur mycket ska bemanningspersonalen i sjuksköterskeverksamheten spara 2025?',
    avsikt: 'atgarder',
    maste: [atg('v51', 3), tkr(600)],
  },
  { fraga: 'hur går översynen av hyrorna på SÄBO?', avsikt: 'atgarder', maste: [atg('v51', 10), /ej påbörjad/i] },
  { fraga: 'välfärdstekniken', avsikt: 'atgarder', maste: [atg('v51', 9), /pågår/i] },
  { fraga: 'vilka åtgärder är genomförda?', avsikt: 'atgarder', maste: [atg('v51', 3), atg('v51', 7), atg('sn', 8)] },
  { fraga: 'vilka åtgärder kräver politiskt beslut?', avsikt: 'atgarder', maste: [atg('v51', 9), atg('v51', 10)] },
  { fraga: 'hur mycket ska åtgärdsplanen för 51 spara 2024?', avsikt: 'atgarder', maste: [tkr(plan2024)] },
  { fraga: 'åtgärd 4 i verksamhet 51', avsikt: 'atgarder', maste: [atg('v51', 4)] },
  { fraga: 'measures for Äldreomsorg/LSS', avsikt: 'engelska', maste: [atg('v51', 1), atg('v51', 5)] },
  {
    fraga: 'hur går åtgärden om sjukfrånvaro och rehabilitering?',
    avsikt: 'atgarder',
    maste: [atg('sn', 1)],
    inte: [atg('sn', 8)],
  },
  { fraga: 'hur går upphandlingsåtgärden?', avsikt: 'atgarder', maste: [atg('sn', 5)] },
  { fraga: 'översyn planering hemtjänst', avsikt: 'atgarder', maste: [atg('v51', 8), /pågår/i] },
  { fraga: 'placeringskostnader IFO', avsikt: 'atgarder', maste: [atg('v51', 5)] },
  {
    fraga: 'visa åtgärderna',
    avsikt: 'atgarder',
    anvandare: CHEF_51,
    maste: [atg('v51', 1), atg('v51', 4)],
  },
  {
    fraga: 'visa åtgärderna för socialnämnden, hur mycket sparar de?',
    avsikt: 'atgarder',
    maste: [atg('sn', 1)],
    inte: [NOLL_TKR],
  },

  // freshness
  { fraga: 'vilken period gäller siffrorna?', avsikt: 'farskhet', maste: AR, inte: [/rangordning/i, /^1\. /m] },
  { fraga: 'hur färska är siffrorna?', avsikt: 'farskhet', maste: AR, inte: [/rangordning/i] },
  { fraga: 'när importerades siffrorna?', avsikt: 'farskhet', maste: [/import/i] },
  { fraga: 'är det bokslutet för 2024 vi tittar på?', avsikt: 'farskhet', maste: AR },
  { fraga: 'how fresh are the figures?', avsikt: 'engelska', maste: AR },

  // units that are not in this data
  okand('hur går det för kulturnämnden?', 'kulturnämnden'),
  okand('hur gick brandkåren 2024?', 'brandkåren'),
  okand('hur gick grundskolan?', 'grundskolan'),
  okand('tekniska nämnden mot budget', 'tekniska nämnden'),
  okand('hur gick IFO 2024?', 'IFO'),
  okand('hur gick räddningstjänsten?', 'räddningstjänsten'),
  okand('simhallen 2024', 'simhallen'),
  okand('hur gick kulturskolan i fjol?', 'kulturskolan'),

  // ordinary words that are not units
  { fraga: 'hur ligger vi mot målet?', avsikt: 'vanliga-ord', maste: st('sn'), inte: [ORD.ingenEnhet, /malet/i] },
  { fraga: 'hur gick det totalt 2024?', avsikt: 'vanliga-ord', maste: [tkr(avvSn), tkr(sn.utfall)], inte: [ORD.ingenEnhet] },
  { fraga: 'hur gick hela förvaltningen i fjol?', avsikt: 'vanliga-ord', maste: [tkr(avvSn)], inte: [ORD.ingenEnhet] },
  { fraga: 'hur gick socialnämnden totalt sett?', avsikt: 'vanliga-ord', maste: st('sn'), inte: [ORD.ingenEnhet] },
  { fraga: 'hur ser det ut för hela socialnämnden?', avsikt: 'vanliga-ord', maste: st('sn'), inte: [ORD.ingenEnhet] },
  { fraga: 'hur gick kommunen totalt?', avsikt: 'vanliga-ord', maste: [tkr(avvSn), tkr(sn.utfall)], inte: [ORD.ingenEnhet] },
  { fraga: 'hur gick det i fjol jämfört med budget?', avsikt: 'vanliga-ord', maste: [tkr(avvSn), ...AR], inte: [ORD.ingenEnhet] },
  { fraga: 'hur gick vi enligt bokslutet?', avsikt: 'vanliga-ord', maste: st('sn'), inte: [ORD.ingenEnhet] },

  // mnkr
  { fraga: 'hur stort var underskottet i mnkr?', avsikt: 'mnkr', maste: [mnkr(avvSn)], inte: [ORD.ingenEnhet] },
  { fraga: 'socialnämndens underskott i miljoner', avsikt: 'mnkr', maste: [mnkr(avvSn)], inte: [ORD.ingenEnhet, /"miljoner"/] },
  { fraga: 'hur mycket gick äldreomsorg/lss över i mnkr?', avsikt: 'mnkr', maste: [mnkr(6215)] },
  { fraga: 'barn- och ungdomsvården i miljoner kronor', avsikt: 'mnkr', maste: [mnkr(4644)], inte: [ORD.ingenEnhet] },
  { fraga: 'utfallet för socialnämnden i mnkr', avsikt: 'mnkr', maste: [mnkr(sn.utfall)] },

  // something else entirely
  utanfor('vad blir vädret imorgon?'),
  utanfor('vem vann melodifestivalen?'),
  utanfor('kan du boka ett möte åt mig på torsdag?'),
  utanfor("what's the weather tomorrow?"),

  // English
  { fraga: 'how did the social services committee do in 2024?', avsikt: 'engelska', maste: [tkr(avvSn), ...AR] },
  { fraga: 'how did home care do last year?', avsikt: 'engelska', maste: st('hemtjanst') },
  { fraga: 'what was the sick leave in 2024?', avsikt: 'engelska', maste: [v('sn', 'Sjukfrånvaro')] },
  { fraga: 'how big was the deficit in millions?', avsikt: 'engelska', maste: [mnkr(avvSn)] },
  { fraga: 'show the action plan for Äldreomsorg/LSS', avsikt: 'engelska', maste: [atg('v51', 2), atg('v51', 3)] },

  // follow-ups in one conversation
  { fraga: 'och särskilt boende?', avsikt: 'foljdfraga', foljer: ['hur gick hemtjänsten 2024?'], maste: st('sabo') },
  { fraga: 'varför?', avsikt: 'foljdfraga', foljer: ['hur gick barn- och ungdomsvården 2024?'], maste: [/HVB/] },
  { fraga: 'och året innan?', avsikt: 'foljdfraga', foljer: ['hur gick socialnämnden 2024?'], maste: [tkr(sn23.utfall), /2023/] },
  {
    fraga: 'vilka delar gick över budget?',
    avsikt: 'foljdfraga',
    foljer: ['hur gick verksamhet 51?'],
    maste: over('v51')
      .slice(0, 3)
      .map((d) => d.namn),
  },
  { fraga: 'hur går nummer 4?', avsikt: 'foljdfraga', foljer: ['visa åtgärdsplanen för äldreomsorg/lss'], maste: [atg('v51', 4)] },
  { fraga: 'och personalomsättningen?', avsikt: 'foljdfraga', foljer: ['sjukfrånvaron 2024'], maste: [v('sn', 'Personalomsättning')] },
  { fraga: 'i mnkr?', avsikt: 'foljdfraga', foljer: ['hur gick socialnämnden 2024?'], maste: [mnkr(avvSn)] },
  { fraga: 'visa åtgärderna', avsikt: 'foljdfraga', foljer: ['hur gick verksamhet 51?'], maste: [atg('v51', 1)] },
  { fraga: 'hur ligger vi?', avsikt: 'vanliga-ord', anvandare: CHEF_HT, maste: st('hemtjanst') },
];

export const ASKERSUND: Kommun = {
  namn: 'Askersund',
  mapp: join('test', 'kommuner', 'askersund'),
  nu: '2025-02-14',
  anvandare: CONTROLLER,
  fragor: FRAGOR,
  egenskaper: { ar: true, period: P },
};
