import { join } from 'node:path';
import { Kommundata } from '../data.js';
import { type Fraga, type Kommun, ORD, manad, mnkr, prognos, rad, status, tal, tkr } from '../forvantan.js';

/** The Norrby fixture (test/fixtures/norrby): three months of 2026, no KPIs and no measures. */
const K = new Kommundata(join(process.cwd(), 'test', 'fixtures', 'norrby'));
const M = '2026-03';
const CONTROLLER = 'aad-norrby-1';
const CHEF_HTN = 'aad-norrby-2';

const s = (fraga: string, id: string, period = M, extra: Partial<Fraga> = {}): Fraga => ({
  fraga,
  avsikt: 'status',
  maste: [...status(K, id, period), manad(period)],
  ...extra,
});
const namnder = K.avTyp('nämnd', M);
const verksamheter = K.avTyp('verksamhet', M);
const okand = (fraga: string, namn: string): Fraga => ({
  fraga,
  avsikt: 'okand-enhet',
  maste: [namn, ORD.finnsInte],
  inte: [ORD.ingenEnhet, /tkr/],
});
const va = K.krav('VA', M);

const FRAGOR: Fraga[] = [
  s('hur ligger VON mot budget?', 'VON'),
  s('vård- och omsorgsnämnden', 'VON'),
  s('hur ligger hemtjänst norr?', 'HTN', M, { inte: [/Hemtjänst Söder/] }),
  s('hemtjänsten söder', 'HTS', M, { inte: [/Hemtjänst Norr/] }),
  s('hemtjänsten i norra området', 'HTN'),
  {
    fraga: 'hur ligger hemtjänsten?',
    avsikt: 'status',
    anvandare: CONTROLLER,
    maste: ['Hemtjänst Norr', 'Hemtjänst Söder'],
    inte: [/tkr/],
  },
  s('äldreboendena', 'VOB'),
  s('förskolan', 'FSK'),
  s('grundskolan', 'GRS'),
  s('norrbygymnasiet', 'GYM'),
  s('gata och park', 'GP'),
  {
    fraga: 'hur ligger VA?',
    avsikt: 'status',
    maste: [K.namn('VA'), tkr(va.utfall), tkr(va.budget), tkr(K.avvikelse('VA', M))],
    inte: [/% av budget/i, /90(,0)? ?%/],
  },
  s('kommunledningskontoret', 'KLK'),
  s('KLK', 'KLK'),
  s('kommunstyrelsen', 'KS'),
  s('tekniska nämnden', 'TN'),
  s('BUN', 'BUN'),
  s('VON i februari', 'VON', '2026-02'),
  s('hur låg grundskolan i januari?', 'GRS', '2026-01'),
  s('hur låg gata och park förra månaden?', 'GP'),
  { fraga: 'hur ligger vi mot målet?', avsikt: 'vanliga-ord', maste: status(K, 'HTN', M), inte: [ORD.ingenEnhet, /malet/i] },
  { fraga: 'hur ligger kommunen totalt?', avsikt: 'vanliga-ord', maste: status(K, 'N0', M), inte: [ORD.ingenEnhet] },
  { fraga: 'hur går det i hela kommunen?', avsikt: 'vanliga-ord', maste: status(K, 'N0', M), inte: [ORD.ingenEnhet] },
  { fraga: 'hur låg vi i fjol?', avsikt: 'vanliga-ord', maste: [/2025/, ORD.saknas], inte: [ORD.ingenEnhet] },
  { fraga: 'vilka enheter har störst underskott?', avsikt: 'rankning', maste: rad(K, 'HTN', M) },
  { fraga: 'visa alla nämnder', avsikt: 'rankning', maste: namnder.flatMap((n) => [n.namn, tal(n.avvikelse)]) },
  { fraga: 'jämför nämnderna', avsikt: 'rankning', maste: namnder.flatMap((n) => [n.namn, tal(n.avvikelse)]) },
  {
    fraga: 'vilka verksamheter gick över budget?',
    avsikt: 'rankning',
    maste: verksamheter.filter((d) => d.avvikelse < 0).map((d) => d.namn),
  },
  {
    fraga: 'vilka delar av VON går med överskott?',
    avsikt: 'rankning',
    maste: K.delar('VON', M)
      .filter((d) => d.avvikelse > 0)
      .map((d) => d.namn),
    inte: [/^\d+\. Hemtjänst Norr/m],
  },
  { fraga: 'vilka nämnder går plus?', avsikt: 'rankning', maste: namnder.filter((n) => n.avvikelse > 0).map((n) => n.namn) },
  { fraga: 'vad består underskottet i VON av?', avsikt: 'nedbrytning', maste: [...rad(K, 'HTN', M), ...rad(K, 'VOB', M)] },
  { fraga: 'bryt ned BUN', avsikt: 'nedbrytning', maste: [...rad(K, 'GRS', M), ...rad(K, 'GYM', M)] },
  { fraga: 'varför går hemtjänst norr back?', avsikt: 'varfor', maste: [/vårdtyngd/i, tkr(K.avvikelse('HTN', M))] },
  { fraga: 'varför gick grundskolan över?', avsikt: 'varfor', maste: [/särskilt stöd/i] },
  { fraga: 'varför går gata och park över budget?', avsikt: 'varfor', maste: [/vinterväghållning/i] },
  { fraga: 'jämför hemtjänst norr och hemtjänst söder', avsikt: 'jamforelse', maste: [...rad(K, 'HTN', M), ...rad(K, 'HTS', M)] },
  { fraga: 'förskolan mot grundskolan', avsikt: 'jamforelse', maste: [...rad(K, 'FSK', M), ...rad(K, 'GRS', M)] },
  { fraga: 'vad är helårsprognosen för VON?', avsikt: 'prognos', maste: prognos(K, 'VON', M) },
  okand('hur går det för kulturnämnden?', 'kulturnämnden'),
  okand('socialnämnden mot budget', 'socialnämnden'),
  okand('hur ligger IFO?', 'IFO'),
  { fraga: 'VON:s underskott i mnkr', avsikt: 'mnkr', maste: [mnkr(K.avvikelse('VON', M))], inte: [ORD.ingenEnhet] },
  { fraga: 'kommunens utfall i miljoner', avsikt: 'mnkr', maste: [mnkr(K.krav('N0', M).utfall)], inte: [ORD.ingenEnhet] },
  { fraga: 'sjukfrånvaron i hemtjänst norr', avsikt: 'nyckeltal', maste: [/sjukfrånvaro/i], inte: [/\d+,\d+ ?%/] },
  { fraga: 'visa åtgärderna', avsikt: 'atgarder', maste: [/ingen åtgärdsplan|inga åtgärder/i] },
  { fraga: 'vilken period gäller siffrorna?', avsikt: 'farskhet', maste: [/mars 2026/i], inte: [/rangordning/i, /^1\. /m] },
  { fraga: 'hur färska är siffrorna?', avsikt: 'farskhet', maste: [/mars 2026/i] },
  {
    fraga: 'vad blir vädret imorgon?',
    avsikt: 'utanfor',
    maste: [ORD.vagrar, ORD.exempel],
    inte: [/tkr/],
  },
  { fraga: 'vem är kommunstyrelsens ordförande?', avsikt: 'utanfor', maste: [ORD.vagrar], inte: [/tkr/] },
  { fraga: 'how is VON doing?', avsikt: 'engelska', maste: status(K, 'VON', M) },
  { fraga: 'which units have the largest deficit?', avsikt: 'engelska', maste: rad(K, 'HTN', M) },
  { fraga: 'show all committees', avsikt: 'engelska', maste: namnder.map((n) => n.namn) },
  { fraga: 'forecast for the school board BUN', avsikt: 'engelska', maste: prognos(K, 'BUN', M) },
  { fraga: 'och i februari?', avsikt: 'foljdfraga', foljer: ['hur ligger VON?'], maste: status(K, 'VON', '2026-02') },
  { fraga: 'och hemtjänst söder?', avsikt: 'foljdfraga', foljer: ['hur ligger hemtjänst norr?'], maste: status(K, 'HTS', M) },
  { fraga: 'varför?', avsikt: 'foljdfraga', foljer: ['hur ligger gata och park?'], maste: [/vinterväghållning/i] },
  { fraga: 'i mnkr?', avsikt: 'foljdfraga', foljer: ['hur ligger VON?'], maste: [mnkr(K.avvikelse('VON', M))] },
];

export const NORRBY: Kommun = {
  namn: 'Norrby',
  mapp: join('test', 'fixtures', 'norrby'),
  nu: '2026-04-10',
  anvandare: CHEF_HTN,
  fragor: FRAGOR,
  egenskaper: { ar: false, period: M },
};
