import { join } from 'node:path';
import { Kommundata } from '../data.js';
import { type Fraga, type Kommun, ORD, kpi, manad, mnkr, rad, status, tal, tkr } from '../forvantan.js';

/** The demo municipality (data/demo, Åsby kommun), asked the kinds of questions. */
const K = new Kommundata(join(process.cwd(), 'data', 'demo'));
const N = '2025-11';
const O = '2025-10';
const CONTROLLER_SN = '00000000-0000-0000-0000-0000000000020';
const CHEF_IFO = '00000000-0000-0000-0000-0000000000021';

const s = (fraga: string, id: string, period = N, extra: Partial<Fraga> = {}): Fraga => ({
  fraga,
  avsikt: 'status',
  maste: [...status(K, id, period), manad(period)],
  ...extra,
});
const atg = (enhet: string, nr: number) => K.atgard(enhet, nr).namn;
const plus = (id: string) => K.delar(id, N).filter((d) => d.avvikelse > 0);
const over = (id: string) => K.delar(id, N).filter((d) => d.avvikelse < 0);
const namnder = K.avTyp('nämnd', N);
const verksamheter = K.avTyp('verksamhet', N);
const overskottIsn = [...K.enheter.values()].filter(
  (e) => e.id !== 'sn' && K.siffror(e.id, N) && K.avvikelse(e.id, N) > 0 && ['vos', 'ifo', 'sn'].some((p) => arUnder(e.id, p)),
);
function arUnder(id: string, forfader: string): boolean {
  const e = K.enheter.get(id);
  if (!e || !e.foralder) return false;
  return e.foralder === forfader || arUnder(e.foralder, forfader);
}
const okand = (fraga: string, namn: string): Fraga => ({
  fraga,
  avsikt: 'okand-enhet',
  maste: [namn, ORD.finnsInte],
  inte: [ORD.ingenEnhet, /tkr/],
});
const sjuk = (enhet: string, p: string) => kpi(K.kpi(enhet, p, 'sjukfrånvaro').varde);

const FRAGOR: Fraga[] = [
  s('hur ligger socialnämnden?', 'sn', N, {
    inte: overskottIsn.map((e) => new RegExp(`störst underskott[^\\n]*${e.namn}`, 'i')),
  }),
  s('hur ligger IFO mot budget?', 'ifo'),
  s('hur går det för brandkåren?', 'raddning'),
  s('räddningstjänsten i oktober', 'raddning', O),
  s('hur ligger gruppbostäderna?', 'gruppbostad'),
  s('daglig verksamhet', 'daglig'),
  s('försörjningsstödet', 'ekbistand'),
  s('hur ligger bildningsnämnden?', 'bn'),
  s('personlig assistans', 'persass'),
  s('miljö- och byggavdelningen', 'miljobygg'),
  { fraga: 'hur ligger vi mot målet?', avsikt: 'vanliga-ord', maste: status(K, 'sn', N), inte: [ORD.ingenEnhet, /malet/i] },
  { fraga: 'hur ligger kommunen totalt?', avsikt: 'vanliga-ord', maste: status(K, 'kommun', N), inte: [ORD.ingenEnhet] },
  { fraga: 'hur ligger hela förvaltningen?', avsikt: 'vanliga-ord', maste: status(K, 'kommun', N), inte: [ORD.ingenEnhet] },
  {
    fraga: 'hur låg socialnämnden i fjol?',
    avsikt: 'vanliga-ord',
    maste: [tkr(K.krav('sn', '2024-12').utfall), /2024/],
    inte: [ORD.ingenEnhet],
  },
  okand('hur går det för kulturnämnden?', 'kulturnämnden'),
  okand('tekniska nämnden mot budget', 'tekniska nämnden'),
  okand('hur ligger simhallen mot budget?', 'simhallen'),
  okand('vård- och omsorgsnämnden', 'vård- och omsorgsnämnden'),
  {
    fraga: 'vilka delar av IFO gick med överskott?',
    avsikt: 'rankning',
    maste: plus('ifo').map((d) => d.namn),
    inte: over('ifo').map((d) => new RegExp(`^\\d+\\. ${d.namn}`, 'm')),
  },
  { fraga: 'vad består underskottet av?', avsikt: 'nedbrytning', maste: [...rad(K, 'ifo', N), ...rad(K, 'vos', N)] },
  { fraga: 'visa alla nämnder', avsikt: 'rankning', maste: namnder.flatMap((n) => [n.namn, tal(n.avvikelse)]) },
  { fraga: 'jämför nämnderna', avsikt: 'rankning', maste: namnder.flatMap((n) => [n.namn, tal(n.avvikelse)]) },
  { fraga: 'hur ligger nämnderna?', avsikt: 'rankning', maste: namnder.map((n) => n.namn) },
  {
    fraga: 'vilka verksamheter gick över budget?',
    avsikt: 'rankning',
    maste: verksamheter.filter((d) => d.avvikelse < 0).map((d) => d.namn),
    inte: [/\d+ till\b/],
  },
  { fraga: 'socialnämndens underskott i mnkr', avsikt: 'mnkr', maste: [mnkr(K.avvikelse('sn', N))], inte: [ORD.ingenEnhet] },
  { fraga: 'hur mycket går IFO över i miljoner?', avsikt: 'mnkr', maste: [mnkr(K.avvikelse('ifo', N))], inte: [ORD.ingenEnhet] },
  { fraga: 'vad är sjukfrånvaron i IFO?', avsikt: 'nyckeltal', maste: [sjuk('ifo', O)] },
  { fraga: 'sick leave in IFO', avsikt: 'engelska', maste: [sjuk('ifo', O)] },
  {
    fraga: 'har sjukfrånvaron i IFO minskat sedan förra året?',
    avsikt: 'nyckeltal',
    maste: [ORD.ja, sjuk('ifo', O), sjuk('ifo', '2024-10')],
  },
  { fraga: 'staff turnover', avsikt: 'engelska', maste: [kpi(K.kpi('sn', '2024-12', 'personalomsättning').varde)] },
  {
    fraga: 'vilka åtgärder har vi gjort?',
    avsikt: 'atgarder',
    maste: K.atgarder.filter((a) => a.enhet === 'vos' && a.status === 'genomförd').map((a) => a.namn),
  },
  { fraga: 'hur går medicinrobotarna?', avsikt: 'atgarder', maste: [atg('vos', 4), /pågår/i], inte: [atg('vos', 1)] },
  {
    fraga: 'hur mycket ska medicinrobotarna i hemtjänsten spara 2025?',
    avsikt: 'atgarder',
    maste: [atg('vos', 4), tkr(K.atgard('vos', 4).plan['2025'])],
    inte: [ORD.ingenEnhet],
  },
  {
    fraga: 'hur mycket ska bemanningspersonalen på HSL spara 2025?',
    avsikt: 'atgarder',
    maste: [atg('vos', 3), tkr(K.atgard('vos', 3).plan['2025'])],
  },
  { fraga: 'vilken period gäller siffrorna?', avsikt: 'farskhet', maste: [/november 2025/i], inte: [/rangordning/i, /^1\. /m] },
  { fraga: 'hur färska är siffrorna?', avsikt: 'farskhet', maste: [/november 2025/i], inte: [/rangordning/i] },
  {
    fraga: 'varför går IFO back?',
    avsikt: 'varfor',
    maste: [tkr(K.avvikelse('ifo', N)), /institutionsvård|placeringar/i],
    inte: [/Servicenämnden/],
  },
  {
    fraga: 'vad blir vädret imorgon?',
    avsikt: 'utanfor',
    maste: [ORD.vagrar, ORD.exempel],
    inte: [/tkr/, /Medicinrobotar/, /åtgärd \d/i],
  },
  { fraga: 'how is IFO doing?', avsikt: 'engelska', maste: status(K, 'ifo', N) },
  { fraga: 'which committees are over budget?', avsikt: 'engelska', maste: namnder.filter((n) => n.avvikelse < 0).map((n) => n.namn) },
  { fraga: 'och i oktober?', avsikt: 'foljdfraga', foljer: ['hur ligger IFO?'], maste: status(K, 'ifo', O) },
  { fraga: 'varför?', avsikt: 'foljdfraga', foljer: ['hur ligger barn och unga?'], maste: [/institutionsvård/i] },
  { fraga: 'i mnkr?', avsikt: 'foljdfraga', foljer: ['hur ligger socialnämnden?'], maste: [mnkr(K.avvikelse('sn', N))] },
  {
    fraga: 'gick IFO bättre än samma period i fjol?',
    avsikt: 'jamforelse',
    maste: [tal(K.avvikelse('ifo', N)), tal(K.avvikelse('ifo', '2024-11'))],
  },
  { fraga: 'jämför hemtjänsten och säbo', avsikt: 'jamforelse', maste: [...rad(K, 'hemtjanst', N), ...rad(K, 'sabo', N)] },
  { fraga: 'visa ifo månad för månad i år', avsikt: 'trend', maste: [/januari 2025/i, tal(K.avvikelse('ifo', N))] },
  { fraga: 'hur ligger vi?', avsikt: 'vanliga-ord', anvandare: CHEF_IFO, maste: status(K, 'ifo', N) },
  {
    fraga: 'vilka delar av IFO gick över budget?',
    avsikt: 'nedbrytning',
    maste: over('ifo').map((d) => d.namn),
  },
  {
    fraga: 'vad är helårsprognosen för socialnämnden?',
    avsikt: 'prognos',
    maste: [tkr(K.krav('sn', N).prognosHelar!), tkr(K.krav('sn', N).budgetHelar!)],
  },
  { fraga: 'korttidsfrånvaro vård och stöd', avsikt: 'nyckeltal', maste: [kpi(K.kpi('vos', O, 'korttidsfrånvaro').varde)] },
];

export const ASBY: Kommun = {
  namn: 'Åsby (demo)',
  mapp: join('data', 'demo'),
  nu: '2025-12-10',
  anvandare: CONTROLLER_SN,
  fragor: FRAGOR,
};
