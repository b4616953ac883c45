import { join } from 'node:path';
import { Kommundata } from '../data.js';
import { type Fraga, type Kommun, type Matchning, NOLL_TKR, ORD, kpi, manad, mnkr, prognos, rad, status, tal, tkr } from '../forvantan.js';

/**
 * Västerviks kommun: monthly figures for 2021 reaching the published driftsredovisning at December,
 * and the published year 2020. Asked the way its managers would: nämnder by their own short names, the
 * verksamheter as the report names them, tertial words, its personnel KPIs.
 */
const K = new Kommundata(join(process.cwd(), 'test', 'kommuner', 'vastervik'));
const D = '2021-12';
const F = '2020-12';
const CONTROLLER_SN = '0b9e7c2d-41a6-4f3e-8c55-7d1e2a9b3c01';
const CHEF_IFO = '0b9e7c2d-41a6-4f3e-8c55-7d1e2a9b3c02';
const CONTROLLER_BUN = '0b9e7c2d-41a6-4f3e-8c55-7d1e2a9b3c04';

const AR: Matchning[] = [/2021/];
const s = (fraga: string, id: string, period = D, extra: Partial<Fraga> = {}): Fraga => ({
  fraga,
  avsikt: 'status',
  maste: [...status(K, id, period), period === D ? AR[0] : manad(period)],
  ...extra,
});
const v = (enhet: string, namn: string, period: string) => kpi(K.kpi(enhet, period, namn).varde);
const atg = (enhet: string, nr: number) => K.atgard(enhet, nr).namn;
const over = (id: string, period = D) => K.delar(id, period).filter((d) => d.avvikelse < 0);
const plus = (id: string, period = D) => K.delar(id, period).filter((d) => d.avvikelse > 0);
const namnder = K.avTyp('nämnd', D);
const verksamheter = K.avTyp('verksamhet', D);
const avv = (id: string, period = D) => K.avvikelse(id, period);
const okand = (fraga: string, namn: string): Fraga => ({
  fraga,
  avsikt: 'okand-enhet',
  maste: [namn, ORD.finnsInte],
  inte: [ORD.ingenEnhet, /tkr/],
});
const utanfor = (fraga: string): Fraga => ({
  fraga,
  avsikt: 'utanfor',
  maste: [ORD.vagrar, ORD.exempel],
  inte: [/tkr/, /Team Hemmaplan/, /åtgärd \d/i],
});
const over5 = verksamheter.filter((d) => {
  const x = K.krav(d.id, D);
  return x.utfall / x.budget > 1.05;
});
const sn = K.krav('sn', D);
const kommun = K.krav('vastervik', D);
const ifo20 = avv('sn-ifo', F);
const ifo21 = avv('sn-ifo', D);
const sbf20 = avv('ks-sbf', F);
const sbf21 = avv('ks-sbf', D);
const sjukSn = K.nyckeltal.filter((n) => n.enhet === 'sn' && n.namn === 'Sjukfrånvaro').sort((a, b) => a.period.localeCompare(b.period));
const senastSjuk = (enhet: string, namn = 'Sjukfrånvaro') =>
  K.nyckeltal
    .filter((n) => n.enhet === enhet && n.namn === namn)
    .sort((a, b) => a.period.localeCompare(b.period))
    .at(-1)!;
const omsSn21 = K.kpi('sn', D, 'Personalomsättning').varde;
const omsSn20 = K.kpi('sn', F, 'Personalomsättning').varde;

const FRAGOR: Fraga[] = [
  // status: nämnder, verksamheter, months and tertials
  s('hur ligger socialnämnden?', 'sn'),
  s('hur gick socialnämnden 2021?', 'sn'),
  s('socialnamnden', 'sn'),
  s('kommunstyrelsen mot budget', 'ks'),
  s('KS', 'ks'),
  s('hur ligger barn- och utbildningsnämnden?', 'bun'),
  s('BUN', 'bun'),
  s('miljö- och byggnadsnämnden', 'mbn'),
  s('miljo och bygg', 'mbn'),
  s('hur går det för IFO?', 'sn-ifo'),
  s('individ och familjeomsorgen', 'sn-ifo'),
  s('individ- och familjeomsorgen t.o.m. augusti', 'sn-ifo', '2021-08'),
  s('ifo efter första tertialet', 'sn-ifo', '2021-04'),
  s('äldreomsorgen i oktober', 'sn-ao', '2021-10'),
  s('hur ligger äldreomsorgen?', 'sn-ao'),
  s('hälso- och sjukvården', 'sn-hsl'),
  s('HSL t.o.m. juni', 'sn-hsl', '2021-06'),
  s('omsorg och stöd', 'sn-of'),
  s('hur går funktionsstödet?', 'sn-of'),
  s('förvaltningsstaben', 'sn-stab'),
  s('räddningstjänsten', 'ks-rtj'),
  s('hur går det för brandkåren?', 'ks-rtj'),
  s('samhällsbyggnad', 'ks-sbf'),
  s('samhällsbyggnad per sista mars', 'ks-sbf', '2021-03'),
  s('kulturen', 'ks-kultur'),
  s('arbete och kompetens i september', 'ks-ak', '2021-09'),
  s('kommunservice', 'ks-kservice'),
  s('ledningskontoret', 'ks-ledning'),
  s('prioriterade områden', 'ks-prio'),
  s('förskolan', 'bun-fsk'),
  s('grundskolan', 'bun-grsk'),
  s('obligatorsk skola', 'bun-grsk'),
  s('fritidshemmen i maj', 'bun-grsk', '2021-05'),
  s('gymnasiet', 'bun-gy'),
  s('komvux', 'bun-komvux'),
  s('SFI', 'bun-komvux'),
  s('gemensam verksamhet inom BUN', 'bun-gem'),
  {
    fraga: 'uttag ur resultatutjämningsfonden',
    avsikt: 'status',
    maste: [K.namn('sn-ruf'), tkr(K.krav('sn-ruf', D).budget), NOLL_TKR],
  },
  s('hur ligger kommunen?', 'vastervik'),
  s('hur låg socialnämnden förra månaden?', 'sn'),
  s('ligger IFO över budget?', 'sn-ifo', D, { maste: [ORD.ja, ...status(K, 'sn-ifo', D)] }),
  s('ligger äldreomsorgen under budget?', 'sn-ao', D, { maste: [ORD.ja, ...status(K, 'sn-ao', D)] }),
  { fraga: 'hur låg socialnämnden 2020?', avsikt: 'status', maste: [...status(K, 'sn', F), /2020/] },
  s('hur låg kommunstyrelsen efter andra tertialet?', 'ks', '2021-08'),

  // forecast
  {
    fraga: 'vad är helårsprognosen för IFO efter augusti?',
    avsikt: 'prognos',
    maste: [...prognos(K, 'sn-ifo', '2021-08'), manad('2021-08')],
  },
  { fraga: 'prognosen för kommunstyrelsen t.o.m. april', avsikt: 'prognos', maste: prognos(K, 'ks', '2021-04') },
  { fraga: 'hur ser prognosen ut för barn- och utbildningsnämnden efter oktober?', avsikt: 'prognos', maste: prognos(K, 'bun', '2021-10') },
  { fraga: 'helårsprognos hsl oktober', avsikt: 'prognos', maste: prognos(K, 'sn-hsl', '2021-10') },
  { fraga: 'forecast for IFO after April', avsikt: 'engelska', maste: prognos(K, 'sn-ifo', '2021-04') },
  { fraga: 'klarade socialnämnden budgeten 2021?', avsikt: 'prognos', maste: [ORD.ja, tkr(avv('sn'))] },
  { fraga: 'klarade samhällsbyggnad budgeten?', avsikt: 'prognos', maste: [ORD.nej, tkr(sbf21)] },
  { fraga: 'vad var prognosen för socialnämnden i september?', avsikt: 'prognos', maste: prognos(K, 'sn', '2021-09') },

  // trend
  {
    fraga: 'visa ifo månad för månad 2021',
    avsikt: 'trend',
    maste: [/januari 2021/i, /december 2021/i, tal(avv('sn-ifo', '2021-01')), tal(ifo21)],
  },
  { fraga: 'utvecklingen för socialnämnden under 2021', avsikt: 'trend', maste: [/januari 2021/i, tal(avv('sn', '2021-06'))] },
  { fraga: 'show HSL month by month', avsikt: 'engelska', maste: [/december 2021/i, tal(avv('sn-hsl', '2021-11'))] },
  {
    fraga: 'har det blivit bättre eller sämre för samhällsbyggnad sedan sommaren?',
    avsikt: 'trend',
    maste: [/bättre|sämre/i, tal(sbf21)],
  },
  { fraga: 'trenden för räddningstjänsten', avsikt: 'trend', maste: [/2021/, tal(avv('ks-rtj'))] },

  // ranking
  {
    fraga: 'vilka nämnder gick över budget 2021?',
    avsikt: 'rankning',
    maste: namnder.filter((n) => n.avvikelse < 0).map((n) => n.namn),
  },
  { fraga: 'visa alla nämnder', avsikt: 'rankning', maste: namnder.flatMap((n) => [n.namn, tal(n.avvikelse)]) },
  { fraga: 'jämför nämnderna', avsikt: 'rankning', maste: namnder.flatMap((n) => [n.namn, tal(n.avvikelse)]) },
  { fraga: 'hur ligger nämnderna?', avsikt: 'rankning', maste: namnder.map((n) => n.namn) },
  {
    fraga: 'vilka verksamheter har störst underskott?',
    avsikt: 'rankning',
    maste: verksamheter.slice(0, 2).flatMap((d) => [d.namn, tal(d.avvikelse)]),
  },
  {
    fraga: 'vilka verksamheter inom socialnämnden gick över budget?',
    avsikt: 'rankning',
    maste: over('sn').map((d) => d.namn),
    inte: [/\d+ till\b/],
  },
  {
    fraga: 'vilka delar av kommunstyrelsen gick med överskott?',
    avsikt: 'rankning',
    maste: plus('ks').map((d) => d.namn),
    inte: [/\d+ till\b/],
  },
  {
    fraga: 'topp 3 underskott inom barn- och utbildningsnämnden',
    avsikt: 'rankning',
    maste: over('bun')
      .slice(0, 3)
      .map((d) => d.namn),
  },
  { fraga: 'rangordna verksamheterna inom BUN', avsikt: 'rankning', maste: K.delar('bun', D).map((d) => d.namn) },
  { fraga: 'which committees are over budget?', avsikt: 'engelska', maste: namnder.filter((n) => n.avvikelse < 0).map((n) => n.namn) },
  { fraga: 'vilka verksamheter gick mer än 5 procent över budget?', avsikt: 'rankning', maste: over5.map((d) => d.namn) },
  {
    fraga: 'vilka verksamheter gick över budget?',
    avsikt: 'rankning',
    maste: verksamheter.filter((d) => d.avvikelse < 0).map((d) => d.namn),
    inte: [/\d+ till\b/],
  },
  {
    fraga: 'vilka delar av socialnämnden låg över budget i augusti?',
    avsikt: 'rankning',
    maste: over('sn', '2021-08').map((d) => d.namn),
  },

  // breakdown
  { fraga: 'vad består socialnämndens överskott av?', avsikt: 'nedbrytning', maste: plus('sn').flatMap((d) => [d.namn, tal(d.avvikelse)]) },
  { fraga: 'bryt ned kommunstyrelsen', avsikt: 'nedbrytning', maste: [...rad(K, 'ks-sbf', D), ...rad(K, 'ks-ak', D)] },
  {
    fraga: 'bryt ned avvikelsen för barn- och utbildningsnämnden',
    avsikt: 'nedbrytning',
    maste: [...rad(K, 'bun-grsk', D), ...rad(K, 'bun-gy', D), ...rad(K, 'bun-komvux', D)],
  },
  { fraga: 'vilka delar av BUN gick över budget?', avsikt: 'nedbrytning', maste: over('bun').map((d) => d.namn) },
  { fraga: 'vad beror kommunstyrelsens avvikelse på?', avsikt: 'nedbrytning', maste: [...rad(K, 'ks-sbf', D), ...rad(K, 'ks-ak', D)] },
  { fraga: 'breakdown of Socialnämnd', avsikt: 'engelska', maste: [...rad(K, 'sn-ao', D), ...rad(K, 'sn-ifo', D)] },
  {
    fraga: 'var kommer underskottet i socialnämnden ifrån i augusti?',
    avsikt: 'nedbrytning',
    maste: over('sn', '2021-08').map((d) => d.namn),
  },
  { fraga: 'vad består underskottet i IFO av?', avsikt: 'nedbrytning', maste: [/HVB/, tkr(ifo21)] },

  // why
  { fraga: 'varför går IFO över budget?', avsikt: 'varfor', maste: [/HVB/, tkr(ifo21)], inte: [/Samhällsbyggnad/] },
  { fraga: 'varför gick samhällsbyggnad back?', avsikt: 'varfor', maste: [/utomhus/i, tkr(sbf21)] },
  { fraga: 'varför har arbete och kompetens överskott?', avsikt: 'varfor', maste: [/försörjningsstöd/i, tkr(avv('ks-ak'))] },
  { fraga: 'varför underskott i HSL?', avsikt: 'varfor', maste: [/skyddsutrustning/i, tkr(avv('sn-hsl'))] },
  { fraga: 'varför gick ifo över i augusti?', avsikt: 'varfor', maste: [/HVB-placeringar/i, manad('2021-08')] },
  { fraga: 'varför har socialnämnden överskott?', avsikt: 'varfor', maste: [...rad(K, 'sn-ao', D)] },
  { fraga: 'varför gick samhällsbyggnad över i april?', avsikt: 'varfor', maste: [/vinterväghållning/i] },

  // comparison
  { fraga: 'jämför ifo och äldreomsorgen', avsikt: 'jamforelse', maste: [...rad(K, 'sn-ifo', D), ...rad(K, 'sn-ao', D)] },
  { fraga: 'socialnämnden mot barn- och utbildningsnämnden', avsikt: 'jamforelse', maste: [...rad(K, 'sn', D), ...rad(K, 'bun', D)] },
  { fraga: 'hur gick IFO jämfört med 2020?', avsikt: 'jamforelse', maste: [tal(ifo20), tal(ifo21), /2020/] },
  { fraga: 'gick IFO bättre än året innan?', avsikt: 'jamforelse', maste: [ORD.ja, tal(ifo20), tal(ifo21)] },
  { fraga: 'har samhällsbyggnad blivit bättre sedan 2020?', avsikt: 'jamforelse', maste: [ORD.nej, tal(sbf20), tal(sbf21)] },
  { fraga: 'har socialnämnden blivit bättre sedan 2019?', avsikt: 'jamforelse', maste: [/2019/, ORD.saknas] },
  { fraga: 'jämför gymnasiet och komvux', avsikt: 'jamforelse', maste: [...rad(K, 'bun-gy', D), ...rad(K, 'bun-komvux', D)] },
  { fraga: 'compare IFO and HSL', avsikt: 'engelska', maste: [...rad(K, 'sn-ifo', D), ...rad(K, 'sn-hsl', D)] },
  {
    fraga: 'socialnämnden jämfört med samma period i fjol',
    avsikt: 'jamforelse',
    maste: [tkr(K.krav('sn', F).utfall), tkr(sn.utfall)],
  },
  { fraga: 'hur gick uttag ur resultatutjämningsfond 2020?', avsikt: 'jamforelse', maste: [/2020/, ORD.saknas] },
  {
    fraga: 'räddningstjänsten 2021 jämfört med 2020',
    avsikt: 'jamforelse',
    maste: [tkr(K.krav('ks-rtj', D).utfall), tkr(K.krav('ks-rtj', F).utfall)],
  },
  { fraga: 'förskolan mot grundskolan', avsikt: 'jamforelse', maste: [...rad(K, 'bun-fsk', D), ...rad(K, 'bun-grsk', D)] },
  { fraga: 'jämför kultur och kommunservice', avsikt: 'jamforelse', maste: [...rad(K, 'ks-kultur', D), ...rad(K, 'ks-kservice', D)] },

  // KPIs
  {
    fraga: 'sjukfrånvaron i socialnämnden',
    avsikt: 'nyckeltal',
    maste: [/sjukfrånvaro/i, kpi(senastSjuk('sn').varde), manad(senastSjuk('sn').period)],
  },
  { fraga: 'sjukfrånvaro kommunstyrelsen oktober', avsikt: 'nyckeltal', maste: [v('ks', 'Sjukfrånvaro', '2021-10')] },
  { fraga: 'långtidssjukfrånvaron i BUN', avsikt: 'nyckeltal', maste: [kpi(senastSjuk('bun', 'Långtidssjukfrånvaro').varde)] },
  { fraga: 'långtidssjukskrivningarna i socialnämnden', avsikt: 'nyckeltal', maste: [kpi(senastSjuk('sn', 'Långtidssjukfrånvaro').varde)] },
  { fraga: 'sick leave in the social services committee', avsikt: 'engelska', maste: [kpi(senastSjuk('sn').varde)] },
  { fraga: 'personalomsättningen i socialnämnden', avsikt: 'nyckeltal', maste: [kpi(omsSn21), tal(10)] },
  { fraga: 'staff turnover BUN', avsikt: 'engelska', maste: [v('bun', 'Personalomsättning', D)] },
  {
    fraga: 'har personalomsättningen i socialnämnden ökat sedan förra året?',
    avsikt: 'nyckeltal',
    maste: [omsSn21 > omsSn20 ? ORD.ja : ORD.nej, kpi(omsSn21), kpi(omsSn20)],
  },
  { fraga: 'andel behöriga lärare i grundskolan', avsikt: 'nyckeltal', maste: [v('bun-grsk', 'Andel behöriga lärare', '2021-10')] },
  { fraga: 'lärarbehörigheten på gymnasiet', avsikt: 'nyckeltal', maste: [v('bun-gy', 'Andel behöriga lärare', '2021-10')] },
  {
    fraga: 'har lärarbehörigheten i obligatorisk skola blivit bättre sedan 2020?',
    avsikt: 'nyckeltal',
    maste: [ORD.ja, v('bun-grsk', 'Andel behöriga lärare', '2020-10'), v('bun-grsk', 'Andel behöriga lärare', '2021-10')],
  },
  {
    fraga: 'behöriga lärare på gymnasiet jämfört med förra året',
    avsikt: 'nyckeltal',
    maste: [v('bun-gy', 'Andel behöriga lärare', '2020-10'), v('bun-gy', 'Andel behöriga lärare', '2021-10')],
  },
  {
    fraga: 'kostnad per brukare i äldreomsorgen',
    avsikt: 'nyckeltal',
    maste: [v('sn-ao', 'Kostnad per brukare', D)],
    inte: [/306 900 ?%/],
  },
  { fraga: 'kostnaden per brukare 2020', avsikt: 'nyckeltal', maste: [v('sn-ao', 'Kostnad per brukare', F)] },
  {
    fraga: 'hur många årsarbetare har kommunen?',
    avsikt: 'nyckeltal',
    maste: [v('vastervik', 'Antalet årsarbetare', '2021-11')],
    inte: [/3 169 ?%/],
  },
  {
    fraga: 'antalet årsarbetare sedan 2018',
    avsikt: 'nyckeltal',
    maste: [v('vastervik', 'Antalet årsarbetare', '2018-11'), v('vastervik', 'Antalet årsarbetare', '2021-11')],
  },
  { fraga: 'tillsvidareanställda', avsikt: 'nyckeltal', maste: [v('vastervik', 'Antalet tillsvidareanställda', '2021-11')] },
  { fraga: 'hur många visstidsanställda?', avsikt: 'nyckeltal', maste: [v('vastervik', 'Visstidsanställda', '2021-11')] },
  { fraga: 'antal hushåll med försörjningsstöd', avsikt: 'nyckeltal', maste: [v('ks-ak', 'Antal hushåll med försörjningsstöd', D)] },
  {
    fraga: 'har hushållen med försörjningsstöd minskat sedan 2020?',
    avsikt: 'nyckeltal',
    maste: [ORD.ja, v('ks-ak', 'Antal hushåll med försörjningsstöd', F), v('ks-ak', 'Antal hushåll med försörjningsstöd', D)],
  },
  { fraga: 'sjukfranvaro mbn', avsikt: 'nyckeltal', maste: [kpi(senastSjuk('mbn').varde)] },
  {
    fraga: 'sjukfrånvaron i socialnämnden mot målet',
    avsikt: 'vanliga-ord',
    maste: [kpi(senastSjuk('sn').varde), tal(7)],
    inte: [ORD.ingenEnhet, /malet/i],
  },
  {
    fraga: 'har sjukfrånvaron i socialnämnden gått ner sedan januari?',
    avsikt: 'nyckeltal',
    maste: [kpi(sjukSn[0].varde), kpi(senastSjuk('sn').varde)],
  },
  {
    fraga: 'långtidssjukfrånvaro miljö- och byggnadsnämnden',
    avsikt: 'nyckeltal',
    maste: [kpi(senastSjuk('mbn', 'Långtidssjukfrånvaro').varde)],
  },

  // measures
  { fraga: 'vilka åtgärder har socialnämnden?', avsikt: 'atgarder', maste: [1, 2, 3, 4, 5].map((n) => atg('sn', n)) },
  { fraga: 'visa handlingsplanen för socialnämnden', avsikt: 'atgarder', maste: [atg('sn', 1), atg('sn', 5)] },
  { fraga: 'hur går prognosmodellen för LSS-bostäder?', avsikt: 'atgarder', maste: [atg('sn', 1), /genomförd/i], inte: [atg('sn', 2)] },
  { fraga: 'hur går genomlysningen av resursfördelningen?', avsikt: 'atgarder', maste: [atg('sn', 2), /pågår/i] },
  { fraga: 'resursfördelningsmodell LSS', avsikt: 'atgarder', maste: [atg('sn', 5), /ej påbörjad/i] },
  { fraga: 'hur går Team Hemmaplan?', avsikt: 'atgarder', maste: ['Team Hemmaplan', /pågår/i] },
  { fraga: 'vilka åtgärder finns för IFO?', avsikt: 'atgarder', maste: ['Team Hemmaplan'] },
  { fraga: 'vilka åtgärder kräver politiskt beslut?', avsikt: 'atgarder', maste: [atg('sn', 5)] },
  { fraga: 'vilka åtgärder är genomförda?', avsikt: 'atgarder', maste: [atg('sn', 1), atg('sn', 4)] },
  { fraga: 'projektet med gemensam verksamhetsdata', avsikt: 'atgarder', maste: [atg('sn', 3)] },
  { fraga: 'visa åtgärderna', avsikt: 'atgarder', anvandare: CHEF_IFO, maste: ['Team Hemmaplan'] },
  {
    fraga: 'hur mycket sparar socialnämndens åtgärder?',
    avsikt: 'atgarder',
    maste: [atg('sn', 1)],
    inte: [NOLL_TKR],
  },
  { fraga: 'förvaltningsmodellen för verksamhetssystemen', avsikt: 'atgarder', maste: [atg('sn', 4)] },

  // freshness
  { fraga: 'vilken period gäller siffrorna?', avsikt: 'farskhet', maste: [/december 2021/i], inte: [/rangordning/i, /^1\. /m] },
  { fraga: 'hur färska är siffrorna?', avsikt: 'farskhet', maste: [/december 2021/i], inte: [/rangordning/i] },
  { fraga: 'när uppdaterades siffrorna senast?', avsikt: 'farskhet', maste: [/2021/] },
  { fraga: 'är bokslutet inläst?', avsikt: 'farskhet', maste: [/december 2021/i] },
  { fraga: 'how fresh are the numbers?', avsikt: 'engelska', maste: [/december 2021/i] },

  // not in this data
  okand('hur går det för kulturnämnden?', 'kulturnämnden'),
  okand('tekniska nämnden mot budget', 'tekniska nämnden'),
  okand('vård- och omsorgsnämnden', 'vård- och omsorgsnämnden'),
  okand('simhallen', 'simhallen'),
  okand('hur går överförmyndaren?', 'överförmyndaren'),
  okand('kultur- och fritidsnämnden 2021', 'kultur- och fritidsnämnden'),
  okand('hur går fritidsgårdarna?', 'fritidsgårdarna'),

  // ordinary words
  { fraga: 'hur ligger vi mot målet?', avsikt: 'vanliga-ord', maste: status(K, 'sn', D), inte: [ORD.ingenEnhet, /malet/i] },
  { fraga: 'hur ligger kommunen totalt?', avsikt: 'vanliga-ord', maste: status(K, 'vastervik', D), inte: [ORD.ingenEnhet] },
  { fraga: 'hur ligger hela förvaltningen?', avsikt: 'vanliga-ord', maste: status(K, 'vastervik', D), inte: [ORD.ingenEnhet] },
  { fraga: 'hur låg socialnämnden i fjol?', avsikt: 'vanliga-ord', maste: [...status(K, 'sn', D), /2021/], inte: [ORD.ingenEnhet] },
  { fraga: 'totalt för barn- och utbildningsnämnden', avsikt: 'vanliga-ord', maste: status(K, 'bun', D), inte: [ORD.ingenEnhet] },
  { fraga: 'hur går det överlag?', avsikt: 'vanliga-ord', maste: status(K, 'vastervik', D), inte: [ORD.ingenEnhet] },
  { fraga: 'hur ligger vi?', avsikt: 'vanliga-ord', anvandare: CHEF_IFO, maste: status(K, 'sn-ifo', D) },
  {
    fraga: 'hur ligger vi till mot budget i hela nämnden?',
    avsikt: 'vanliga-ord',
    anvandare: CONTROLLER_BUN,
    nagon: [[K.namn('bun'), K.namn('ks')]],
    inte: [ORD.ingenEnhet],
  },

  // mnkr
  { fraga: 'socialnämndens överskott i mnkr', avsikt: 'mnkr', maste: [mnkr(avv('sn'))], inte: [ORD.ingenEnhet] },
  { fraga: 'hur mycket gick samhällsbyggnad över i miljoner?', avsikt: 'mnkr', maste: [mnkr(sbf21)], inte: [ORD.ingenEnhet] },
  { fraga: 'kommunens utfall i mnkr', avsikt: 'mnkr', maste: [mnkr(kommun.utfall)] },
  { fraga: 'IFO i miljoner kronor', avsikt: 'mnkr', maste: [mnkr(ifo21)], inte: [ORD.ingenEnhet] },
  { fraga: 'äldreomsorgens budget i mnkr', avsikt: 'mnkr', maste: [mnkr(K.krav('sn-ao', D).budget)] },

  // something else entirely
  utanfor('vad blir vädret imorgon?'),
  utanfor('när går bussen till Gamleby?'),
  utanfor('skriv en dikt om budgeten'),
  utanfor('who won the football game yesterday?'),

  // English
  { fraga: 'how is the social services committee doing?', avsikt: 'engelska', maste: status(K, 'sn', D) },
  { fraga: 'how is IFO doing against budget?', avsikt: 'engelska', maste: status(K, 'sn-ifo', D) },
  { fraga: 'show all committees', avsikt: 'engelska', maste: namnder.map((n) => n.namn) },
  { fraga: 'what is the staff turnover in the social services?', avsikt: 'engelska', maste: [kpi(omsSn21)] },
  { fraga: 'deficit of Samhällsbyggnad in millions', avsikt: 'engelska', maste: [mnkr(sbf21)] },

  // follow-ups
  {
    fraga: 'och i augusti?',
    avsikt: 'foljdfraga',
    foljer: ['hur ligger IFO?'],
    maste: [...status(K, 'sn-ifo', '2021-08'), manad('2021-08')],
  },
  { fraga: 'och prognosen?', avsikt: 'foljdfraga', foljer: ['hur låg IFO i augusti?'], maste: prognos(K, 'sn-ifo', '2021-08') },
  { fraga: 'och HSL?', avsikt: 'foljdfraga', foljer: ['hur ligger IFO?'], maste: status(K, 'sn-hsl', D) },
  { fraga: 'varför?', avsikt: 'foljdfraga', foljer: ['hur gick samhällsbyggnad 2021?'], maste: [/utomhus/i] },
  { fraga: 'jämfört med året innan?', avsikt: 'foljdfraga', foljer: ['hur gick IFO 2021?'], maste: [tal(ifo20), tal(ifo21)] },
  { fraga: 'visa åtgärderna', avsikt: 'foljdfraga', foljer: ['hur ligger socialnämnden?'], maste: [atg('sn', 1)] },
  { fraga: 'bryt ned', avsikt: 'foljdfraga', foljer: ['hur ligger barn- och utbildningsnämnden?'], maste: rad(K, 'bun-grsk', D) },
  { fraga: 'i mnkr?', avsikt: 'foljdfraga', foljer: ['hur ligger socialnämnden?'], maste: [mnkr(avv('sn'))] },
  { fraga: 'och sjukfrånvaron?', avsikt: 'foljdfraga', foljer: ['hur ligger socialnämnden?'], maste: [kpi(senastSjuk('sn').varde)] },
];

export const VASTERVIK: Kommun = {
  namn: 'Västervik',
  mapp: join('test', 'kommuner', 'vastervik'),
  nu: '2022-02-10',
  anvandare: CONTROLLER_SN,
  fragor: FRAGOR,
  egenskaper: { ar: false, period: D },
};
