/**
 * Generic Swedish names for municipal activities (domain.md §6.1), not any one municipality's units.
 * A unit whose name or alias is one of a group's words is also known by the rest of the group.
 */
export const VERKSAMHETSSYNONYMER: readonly string[][] = [
  ['individ och familjeomsorg', 'individ och familjeomsorgen', 'ifo', 'individ och familj', 'socialtjansten', 'socialen'],
  ['vard och omsorg', 'voo', 'vard o omsorg', 'omsorgen'],
  ['aldreomsorg', 'aldreomsorgen', 'ao', 'aldrevarden', 'aldrevard'],
  ['sarskilt boende', 'sabo', 'aldreboende', 'vard och omsorgsboende', 'vob', 'demensboende', 'sarskilda boenden'],
  ['hemtjanst', 'hemtj', 'hemvard', 'hemvarden', 'nattpatrull', 'hemtjanst i ordinart boende'],
  ['korttidsboende', 'korttids', 'kortis', 'korttidsvard', 'korttidsplatser'],
  ['halso och sjukvard', 'hsl', 'hemsjukvard', 'hemsjukvarden', 'sjukskoterskor', 'ssk', 'hse'],
  ['funktionsstod', 'lss', 'funktionsnedsattning', 'funktionshinder'],
  ['gruppbostader', 'gruppbostad', 'gruppboende', 'gb', 'servicebostad'],
  ['daglig verksamhet', 'dv'],
  ['personlig assistans', 'pers ass', 'pa'],
  ['barn och unga', 'barn och ungdomsvard', 'bou', 'placeringar', 'familjehem', 'hvb', 'institutionsvard', 'externa placeringar', 'kopt vard', 'placeringskostnader'],
  ['vuxen och missbruk', 'missbruk', 'missbruksvard', 'beroende', 'vuxenvard', 'vard for vuxna med missbruksproblem'],
  ['ekonomiskt bistand', 'forsorjningsstod', 'fbs', 'ek bistand', 'socialbidrag'],
  ['flyktingmottagande', 'integration', 'flykting', 'flyktingar'],
  ['gemensamma verksamheter', 'gemensamt', 'overgripande', 'stab', 'ledning'],
  ['bildning', 'skolan', 'utbildning'],
  ['grundskola', 'grundskolan', 'grundskola f 9'],
  ['gymnasie och vuxenutbildning', 'gymnasiet', 'gymnasieskolan', 'vuxenutbildning', 'vuxenutbildningen', 'komvux'],
  ['forskola', 'forskolan', 'forskolor'],
  ['kulturskola', 'kulturskolan'],
  ['samhallsbyggnad', 'sbf', 'samhallsbyggnadsforvaltningen'],
  ['raddningstjanst', 'raddningstjansten', 'rtj'],
  ['kost', 'maltid', 'maltider', 'maltidsverksamheten', 'kosten'],
  ['fritid och kultur', 'fritid kultur', 'kultur och fritid', 'fritid'],
  ['miljo och bygg', 'miljo och byggavdelningen', 'bygglov', 'miljoskydd', 'livsmedelskontroll'],
  ['socialnamnden', 'sn', 'socialnamnd'],
];
