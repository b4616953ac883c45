import assert from 'node:assert/strict';
import { Enhetsindex } from '../../src/language/enheter.js';
import { ord } from '../../src/language/normalisera.js';
import { SKYDDADE_ORD, tolkaFraga } from '../../src/language/tolka.js';
import type { Store } from '../../src/store/store.js';
import { demoStore } from '../support/demo.js';

/** Phrasings over the demo units: names, aliases, abbreviations, typos, no diacritics, inflections, English. */
const FALL: Array<[string, string]> = [
  ['hur ligger IFO mot budget?', 'ifo'],
  ['hur ligger ifo', 'ifo'],
  ['Individ- och familjeomsorgen', 'ifo'],
  ['individ och familjeomsorg', 'ifo'],
  ['hur går det för socialtjänsten', 'ifo'],
  ['hur går det för aldreomsorgen i år', 'ao'],
  ['äldreomsorgen', 'ao'],
  ['ÄO mot budget', 'ao'],
  ['hemtjansten', 'hemtjanst'],
  ['hur går hemtjänsten', 'hemtjanst'],
  ['hemtjänst', 'hemtjanst'],
  ['hemtjnst', 'hemtjanst'],
  ['säbo', 'sabo'],
  ['SÄBO', 'sabo'],
  ['sabo', 'sabo'],
  ['särskilt boende', 'sabo'],
  ['sarskilt boende', 'sabo'],
  ['äldreboendet', 'sabo'],
  ['HSL', 'hsl'],
  ['hälso- och sjukvården', 'hsl'],
  ['LSS', 'lss'],
  ['funktionsstöd', 'lss'],
  ['VoO', 'vos'],
  ['vård och stöd', 'vos'],
  ['vard och stod', 'vos'],
  ['försörjningsstöd', 'ekbistand'],
  ['forsorjningsstodet', 'ekbistand'],
  ['ekonomiskt bistånd', 'ekbistand'],
  ['ekonomiskt bistand', 'ekbistand'],
  ['placeringar', 'bou'],
  ['barn och unga', 'bou'],
  ['barn- och ungdomsvården', 'bou'],
  ['hela socialnämnden', 'sn'],
  ['socialnämnden', 'sn'],
  ['socialnamnd', 'sn'],
  ['SN', 'sn'],
  ['servicenämnden', 'sen'],
  ['bildningsnamnden', 'bn'],
  ['myndighetsnämnden', 'mn'],
  ['grundskolan', 'grundskola'],
  ['förskolan', 'forskola'],
  ['räddningstjänsten', 'raddning'],
  ['korttidsboendet', 'korttid'],
  ['personlig assistans', 'persass'],
  ['daglig verksamhet', 'daglig'],
  ['gruppbostäderna', 'gruppbostad'],
  ['hela kommunen', 'kommun'],
  ['how is the social services committee doing? socialnämnden', 'sn'],
  ['how is elderly care aldreomsorg doing against budget', 'ao'],
  ['missbruksvården', 'vuxen'],
  ['flyktingmottagandet', 'flykting'],
  ['miljö och bygg', 'miljobygg'],
];

describe('enheter: namn, alias, förkortningar och stavfel', () => {
  let index: Enhetsindex;
  before(async () => {
    const store: Store = await demoStore();
    index = new Enhetsindex(store.register, SKYDDADE_ORD);
  });

  for (const [text, id] of FALL) {
    it(`"${text}" → ${id}`, () => {
      const t = index.hitta(ord(text));
      assert.equal(t.tvetydiga.length, 0, `tvetydigt: ${t.tvetydiga.map((g) => g.map((e) => e.id).join('/')).join(', ')}`);
      assert.deepEqual(
        t.enheter.map((e) => e.id),
        [id],
      );
    });
  }

  it('två enheter i samma fråga, i ordning', () => {
    assert.deepEqual(
      index.hitta(ord('jämför ifo och vård och stöd')).enheter.map((e) => e.id),
      ['ifo', 'vos'],
    );
  });

  it('ord för budget och tid blir aldrig enheter', () => {
    for (const text of [
      'hur ligger budgeten',
      'vad är prognosen i oktober',
      'visa avvikelsen förra månaden',
      'vilka åtgärder är försenade',
    ]) {
      assert.deepEqual(index.hitta(ord(text)).enheter, [], text);
    }
  });

  it('en okänd enhet ger närmaste namn som förslag', () => {
    const f = tolkaFraga('hur ligger hemtjänsen norr mot budget', index, '2025-12');
    assert.deepEqual(
      f.enheter.map((e) => e.id),
      ['hemtjanst'],
    );
    const okand = tolkaFraga('hur ligger simhallen mot budget?', index, '2025-12');
    assert.equal(okand.enheter.length, 0);
    assert.equal(okand.okantNamn, 'simhallen');
    const nastan = tolkaFraga('hur ligger kulturskolon', index, '2025-12');
    assert.deepEqual(
      nastan.enheter.map((e) => e.id),
      ['kulturskola'],
    );
  });
});
